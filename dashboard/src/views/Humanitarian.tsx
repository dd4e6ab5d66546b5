import { DashboardHumanitarianDocument } from '../gql/graphql';
import { formatNumber, type Language, type Translate } from '../i18n';
import { QueryFrame, useQuery, Withheld, withheldClasses } from '../query';
import type { Session } from '../session';
import { Bar, Table } from './charts';
import type { MissionChoice } from './missions';

export function HumanitarianView({ mission, session, t, language }: { mission: MissionChoice; session: Session; t: Translate; language: Language }) {
  const state = useQuery(DashboardHumanitarianDocument, { countryIso3: mission.countryIso3 }, session, language);
  return (
    <QueryFrame state={state} t={t}>
      {(data, errors) => {
        const presence = new Map<string, Set<string>>();
        const areaNames = new Map<string, string>();
        for (const row of data.operationalPresence?.nodes ?? []) {
          areaNames.set(row.adminAreaPcode, row.adminArea.name);
          const key = `${row.adminAreaPcode}|${row.cluster}`;
          presence.set(key, (presence.get(key) ?? new Set()).add(row.organization?.name ?? row.id));
        }
        const areas = [...areaNames.keys()].sort((a, b) => areaNames.get(a)!.localeCompare(areaNames.get(b)!));
        const clusters = [...new Set([...presence.keys()].map((k) => k.split('|')[1]!))].sort();
        const access = new Map<string, { count: number; suppressed: boolean }>();
        for (const row of data.accessConstraintCounts ?? []) {
          const cell = access.get(row.month) ?? { count: 0, suppressed: false };
          if (row.suppressed || row.count === null) cell.suppressed = true;
          else cell.count += row.count;
          access.set(row.month, cell);
        }
        const rounds = new Map<number, number>();
        for (const row of data.displacement?.nodes ?? []) rounds.set(row.reportingRound, (rounds.get(row.reportingRound) ?? 0) + row.individuals);
        const maxRound = Math.max(1, ...rounds.values());
        const withheld = (path: string) => withheldClasses(errors, path);
        return (
          <div class="grid" data-testid="humanitarian">
            <section aria-labelledby="presence-title" class="card wide">
              <h3 id="presence-title">{t('presence')}</h3>
              {withheld('operationalPresence').length ? (
                <Withheld classes={withheld('operationalPresence')} t={t} />
              ) : (
                <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="presence-title">
                  <table>
                    <thead>
                      <tr>
                        <th scope="col">{t('area')}</th>
                        {clusters.map((c) => (
                          <th scope="col" key={c}>{c}</th>
                        ))}
                      </tr>
                    </thead>
                    <tbody>
                      {areas.map((area) => (
                        <tr key={area}>
                          <th scope="row">{areaNames.get(area)}</th>
                          {clusters.map((c) => (
                            <td key={c} class="number">{presence.get(`${area}|${c}`)?.size ?? '–'}</td>
                          ))}
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              )}
            </section>
            <section aria-labelledby="access-title" class="card">
              <h3 id="access-title">{t('access')}</h3>
              {withheld('accessConstraintCounts').length ? (
                <Withheld classes={withheld('accessConstraintCounts')} t={t} />
              ) : (
                <Table
                  caption={t('suppressedHelp')}
                  rows={[...access.entries()].sort()}
                  rowKey={([month]) => month}
                  columns={[
                    { header: t('month'), cell: ([month]) => month, rowHeader: true },
                    {
                      header: t('constraints'),
                      cell: ([, cell]) => (cell.suppressed ? t('suppressed') : cell.count),
                      numeric: true,
                      props: ([, cell]): Record<string, string> => (cell.suppressed ? { class: 'suppressed', 'data-suppressed': 'true' } : {}),
                    },
                  ]}
                />
              )}
            </section>
            <section aria-labelledby="displacement-title" class="card">
              <h3 id="displacement-title">{t('displacement')}</h3>
              {withheld('displacement').length ? (
                <Withheld classes={withheld('displacement')} t={t} />
              ) : (
                [...rounds.entries()].sort((a, b) => a[0] - b[0]).map(([round, individuals]) => <Bar key={round} label={`${t('round')} ${round}`} value={individuals} max={maxRound} language={language} />)
              )}
              <p class="note">{t('individuals')}: {formatNumber(language, [...rounds.values()].at(-1) ?? null)}</p>
            </section>
          </div>
        );
      }}
    </QueryFrame>
  );
}
