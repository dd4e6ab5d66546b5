import { DashboardFundingDocument } from '../gql/graphql';
import { formatNumber, type Language, type Translate } from '../i18n';
import { QueryFrame, useQuery, Withheld, withheldClasses } from '../query';
import type { Session } from '../session';
import { Bar, Table } from './charts';

export function FundingView({ session, t, language }: { session: Session; t: Translate; language: Language }) {
  const state = useQuery(DashboardFundingDocument, { year: null }, session, language);
  return (
    <QueryFrame state={state} t={t}>
      {(data, errors) => {
        const totals = data.fundingFlows?.totals;
        const statusMax = totals ? Math.max(1, Number(totals.pledgedUsd), Number(totals.committedUsd), Number(totals.paidUsd)) : 1;
        const withheld = withheldClasses(errors, 'fundingFlows');
        return (
          <div class="grid" data-testid="funding">
            <section aria-labelledby="flows-title" class="card">
              <h3 id="flows-title">{t('flowsByStatus')}</h3>
              {withheld.length ? (
                <Withheld classes={withheld} t={t} />
              ) : totals ? (
                <>
                  <Bar label={t('status.pledged')} value={Number(totals.pledgedUsd)} max={statusMax} language={language} />
                  <Bar label={t('status.committed')} value={Number(totals.committedUsd)} max={statusMax} language={language} />
                  <Bar label={t('status.paid')} value={Number(totals.paidUsd)} max={statusMax} language={language} />
                  <p class="note">
                    {t('flows')}: {formatNumber(language, totals.flowCount)}
                  </p>
                </>
              ) : null}
            </section>
            {data.plans.map((plan) => (
              <section aria-labelledby={`plan-${plan.id}`} class="card" key={plan.id} data-testid="plan">
                <h3 id={`plan-${plan.id}`}>
                  {plan.name} ({plan.code})
                </h3>
                <p>
                  {t('requirements')}: {formatNumber(language, plan.requirementsUsd)} · {t('fundingUsd')}: {formatNumber(language, plan.fundingUsd)} · {t('percentFunded')}:{' '}
                  {formatNumber(language, plan.percentFunded, 1)}
                </p>
                <Table
                  rows={plan.clusters}
                  rowKey={(c) => c.cluster}
                  columns={[
                    { header: t('cluster'), cell: (c) => c.cluster },
                    { header: t('requirements'), cell: (c) => formatNumber(language, c.requirementsUsd), numeric: true },
                    { header: t('fundingUsd'), cell: (c) => formatNumber(language, c.fundingUsd), numeric: true },
                  ]}
                />
              </section>
            ))}
          </div>
        );
      }}
    </QueryFrame>
  );
}
