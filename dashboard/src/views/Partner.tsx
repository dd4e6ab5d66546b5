import { DashboardPartnerDocument } from '../gql/graphql';
import type { Language, Translate } from '../i18n';
import { QueryFrame, useQuery, Withheld, withheldClasses } from '../query';
import type { Session } from '../session';
import { Table } from './charts';

export function PartnerView({ session, t, language }: { session: Session; t: Translate; language: Language }) {
  if (!session.organizationId) return <p data-testid="partner">{t('noOrganisation')}</p>;
  return <PartnerTables session={session} organizationId={session.organizationId} t={t} language={language} />;
}

function PartnerTables({ session, organizationId, t, language }: { session: Session; organizationId: string; t: Translate; language: Language }) {
  const state = useQuery(DashboardPartnerDocument, { organizationId }, session, language);
  return (
    <QueryFrame state={state} t={t}>
      {(data, errors) => (
        <div class="grid" data-testid="partner">
          <section aria-labelledby="escorts-title" class="card wide">
            <h3 id="escorts-title">{t('escorts')}</h3>
            {withheldClasses(errors, 'escortRequests').length ? (
              <Withheld classes={withheldClasses(errors, 'escortRequests')} t={t} />
            ) : data.escortRequests.nodes.length ? (
              <Table
                rows={data.escortRequests.nodes}
                rowKey={(e) => e.id}
                rowTestId="escort-row"
                columns={[
                  { header: t('requestedDate'), cell: (e) => e.requestedDate },
                  { header: t('purpose'), cell: (e) => e.purpose },
                  { header: t('area'), cell: (e) => e.originPcode },
                  { header: t('status'), cell: (e) => <><span class={`status status-${e.status}`}>{e.status}</span>{e.declineReason ? ` — ${e.declineReason}` : ''}</> },
                ]}
              />
            ) : (
              <p>{t('none')}</p>
            )}
          </section>
          <section aria-labelledby="own-presence-title" class="card wide">
            <h3 id="own-presence-title">{t('ourPresence')}</h3>
            <Table
              rows={data.operationalPresence.nodes}
              rowKey={(row) => row.id}
              rowTestId="presence-row"
              columns={[
                { header: t('area'), cell: (row) => row.adminArea.name },
                { header: t('cluster'), cell: (row) => row.cluster },
                { header: t('periodStart'), cell: (row) => row.periodStart },
                { header: t('periodEnd'), cell: (row) => row.periodEnd },
                { header: t('status'), cell: (row) => row.status },
              ]}
            />
          </section>
        </div>
      )}
    </QueryFrame>
  );
}
