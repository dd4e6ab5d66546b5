// One hook for every view: run a persisted operation as a session, re-run when its inputs change.
import type { TypedDocumentNode } from '@graphql-typed-document-node/core';
import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { execute, failures, withheldClasses, type Result } from './api';
import type { Language, Translate } from './i18n';
import type { Session } from './session';

export type QueryState<T> = { status: 'loading' } | { status: 'error'; message: string } | ({ status: 'done' } & Result<T>);

export function useQuery<T, V>(document: TypedDocumentNode<T, V>, variables: V, session: Session, language: Language): QueryState<T> {
  const [state, setState] = useState<QueryState<T>>({ status: 'loading' });
  const key = JSON.stringify(variables) + session.audience + (session.token ?? '') + language;
  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    execute(document, variables, session.token, language, controller.signal).then(
      (result) => setState({ status: 'done', ...result }),
      (error: Error) => controller.signal.aborted || setState({ status: 'error', message: error.message }),
    );
    return () => controller.abort();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [document, key]);
  return state;
}

/** Loading / failure / partial-result notice around a view's content. */
export function QueryFrame<T>({ state, t, children }: { state: QueryState<T>; t: Translate; children: (data: T, errors: Result<T>['errors']) => ComponentChildren }) {
  // data-state tells tests and the benchmark (scripts/dashboard-browser.ts) when a view has rendered.
  if (state.status === 'loading') return <p role="status" class="loading query" data-state="loading">{t('loading')}</p>;
  if (state.status === 'error') return <p role="alert" class="error query" data-state="error">{t('failed', { message: state.message })}</p>;
  const broken = failures(state.errors);
  return (
    <div class="query" data-state="done">
      {broken.length > 0 && (
        <p role="alert" class="partial" data-testid="partial-notice">
          {t('partial', { count: broken.length, codes: [...new Set(broken.map((e) => e.extensions?.code ?? 'ERROR'))].join(', ') })}
        </p>
      )}
      {state.data ? children(state.data, state.errors) : null}
    </div>
  );
}

/** Shown instead of a chart whose data the policy withheld: which data class, never an empty chart. */
export function Withheld({ classes, t }: { classes: string[]; t: Translate }) {
  return (
    <p class="withheld" data-testid="withheld" data-data-class={classes.join(' ')}>
      {classes.map((dataClass) => t('withheld', { dataClass })).join(' ')}
    </p>
  );
}

export { withheldClasses };
