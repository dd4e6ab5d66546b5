import { GraphQLError } from 'graphql';

/**
 * The one shape of a subgraph's write permissions: a table with a rule per write action. Reads
 * are governed by agreements (data classes); a write is allowed only when its action's rule
 * says so — an action without a rule, or a rule that does not answer `true`, is refused.
 */
export interface WriteRule<Caller, Subject> {
  /** Who may, in words a refused caller reads ("MINUSCA headquarters (role mission-headquarters)"). */
  who: string | ((subject: Subject) => string);
  /** Decides from the caller and what is written to; synchronous, so all it reads is loaded before. */
  allows(caller: Caller, subject: Subject): boolean;
}

/** Action name → the subject its rule decides on. */
export type WriteRuleTable<Caller, Subjects> = { readonly [Action in keyof Subjects]: WriteRule<Caller, Subjects[Action]> };

export interface RefusalOptions {
  /** The input field the refusal is about (`extensions.field`), when there is one. */
  field?: string;
}

export interface WriteRules<Caller, Subjects> {
  /** The actions this table has rules for (the subgraph's catalogue of writes). */
  readonly actions: readonly (keyof Subjects & string)[];
  mayWrite<Action extends keyof Subjects & string>(caller: Caller, action: Action, subject: Subjects[Action]): boolean;
  /** Throws FORBIDDEN naming the action and who may do it — never the data written to. */
  assertMayWrite<Action extends keyof Subjects & string>(caller: Caller, action: Action, subject: Subjects[Action], options?: RefusalOptions): void;
}

export function defineWriteRules<Caller, Subjects>(table: WriteRuleTable<Caller, Subjects>): WriteRules<Caller, Subjects> {
  // Own properties only: an action named like an Object.prototype member ('toString') has no rule.
  const ruleOf = (action: string): WriteRule<Caller, unknown> | undefined =>
    Object.hasOwn(table, action) ? (table as Record<string, WriteRule<Caller, unknown>>)[action] : undefined;
  const mayWrite = (caller: Caller, action: string, subject: unknown): boolean => ruleOf(action)?.allows(caller, subject) === true;
  return {
    actions: Object.keys(table) as (keyof Subjects & string)[],
    mayWrite,
    assertMayWrite(caller, action, subject, options) {
      if (mayWrite(caller, action, subject)) return;
      const rule = ruleOf(action);
      const message = rule
        ? `${action}: only ${typeof rule.who === 'function' ? rule.who(subject) : rule.who} may do this.`
        : `${action}: no rule allows this write.`;
      throw new GraphQLError(message, { extensions: { code: 'FORBIDDEN', action, ...(options?.field ? { field: options.field } : {}) } });
    },
  };
}
