import { DashboardPartnerDocument } from '../gql/graphql';
import type { Language, Translate } from '../i18n';
import { QueryFrame, useQuery, Withheld, withheldClasses } from '../query';
import type { Session } from '../session';

export function PartnerView({ session, t, language }: { session: Session; t: Translate; language: Language }) {
  if (!session.organizationId) return <p data-testid="partner">{t('noOrganisation')}</p>;
  return <PartnerTables session={session} organizationId={session.organizationId} t={t} language={language} />;
}

function PartnerTables({ session, organizationId, t }: { session: Session; organizationId: string; t: Translate; language: Language }) {
  const state = useQuery(DashboardPartnerDocument, { organizationId }, session);
  return (
    <QueryFrame state={state} t={t}>
      {(data, errors) => (
        <div class="grid" data-testid="partner">
          <section aria-labelledby="escorts-title" class="card wide">
            <h3 id="escorts-title">{t('escorts')}</h3>
            {withheldClasses(errors, 'escortRequests').length ? (
              <Withheld classes={withheldClasses(errors, 'escortRequests')} t={t} />
            ) : data.escortRequests.nodes.length ? (
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('requestedDate')}</th>
                    <th scope="col">{t('purpose')}</th>
                    <th scope="col">{t('area')}</th>
                    <th scope="col">{t('status')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.escortRequests.nodes.map((e) => (
                    <tr key={e.id} data-testid="escort-row">
                      <td>{e.requestedDate}</td>
                      <td>{e.purpose}</td>
                      <td>{e.originPcode}</td>
                      <td>
                        <span class={`status status-${e.status}`}>{e.status}</span>
                        {e.declineReason ? ` — ${e.declineReason}` : ''}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : (
              <p>{t('none')}</p>
            )}
          </section>
          <section aria-labelledby="own-presence-title" class="card wide">
            <h3 id="own-presence-title">{t('ourPresence')}</h3>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('area')}</th>
                  <th scope="col">{t('cluster')}</th>
                  <th scope="col">{t('periodStart')}</th>
                  <th scope="col">{t('periodEnd')}</th>
                  <th scope="col">{t('status')}</th>
                </tr>
              </thead>
              <tbody>
                {data.operationalPresence.nodes.map((row) => (
                  <tr key={row.id} data-testid="presence-row">
                    <td>{row.adminArea.name}</td>
                    <td>{row.cluster}</td>
                    <td>{row.periodStart}</td>
                    <td>{row.periodEnd}</td>
                    <td>{row.status}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        </div>
      )}
    </QueryFrame>
  );
}
