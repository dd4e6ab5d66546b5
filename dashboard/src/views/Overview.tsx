import { DashboardMissionOverviewDocument } from '../gql/graphql';
import { formatNumber, type Language, type Translate } from '../i18n';
import { QueryFrame, useQuery, Withheld, withheldClasses } from '../query';
import type { Session } from '../session';
import { Bar, Table } from './charts';
import type { MissionChoice } from './missions';

/** The latest year the contribution and strength figures are complete for (the data files end there). */
export const OVERVIEW_YEAR = 2021;

export function OverviewView({ mission, session, t, language }: { mission: MissionChoice; session: Session; t: Translate; language: Language }) {
  const state = useQuery(DashboardMissionOverviewDocument, { mission: mission.acronym, year: OVERVIEW_YEAR }, session, language);
  return (
    <QueryFrame state={state} t={t}>
      {(data, errors) => {
        const m = data.mission;
        const byYear = new Map<number, number>();
        for (const row of data.fatalityStatistics) byYear.set(row.year, (byYear.get(row.year) ?? 0) + row.fatalities);
        const maxFatalities = Math.max(1, ...byYear.values());
        const strength = m?.deployedStrength;
        const withheld = (path: string) => withheldClasses(errors, path);
        return (
          <div class="grid" data-testid="overview">
            <section aria-labelledby="mandate-title" class="card">
              <h3 id="mandate-title">{t('mandate')}</h3>
              {m && (
                <dl>
                  <dt>{t('mission')}</dt>
                  <dd>{m.name}</dd>
                  <dt>{t('currentResolution')}</dt>
                  <dd>{m.currentMandate ? `${m.currentMandate.symbol} (${m.currentMandate.adoptedOn})` : '–'}</dd>
                  <dt>{t('mandateExpires')}</dt>
                  <dd data-testid="mandate-expiry">{m.mandateExpiresOn ?? '–'}</dd>
                  <dt>{t('tasks')}</dt>
                  <dd>{m.currentMandate?.tasks.length ? m.currentMandate.tasks.map((task) => task.category).join(', ') : '–'}</dd>
                </dl>
              )}
            </section>
            <section aria-labelledby="strength-title" class="card">
              <h3 id="strength-title">{t('strength', { year: String(OVERVIEW_YEAR) })}</h3>
              {withheld('mission.deployedStrength').length ? (
                <Withheld classes={withheld('mission.deployedStrength')} t={t} />
              ) : strength ? (
                <>
                  <Bar label={t('authorized')} value={strength.authorizedUniformed ?? 0} max={Math.max(strength.authorizedUniformed ?? 0, Number(strength.deployedUniformed))} language={language} />
                  <Bar label={t('deployed')} value={Number(strength.deployedUniformed)} max={Math.max(strength.authorizedUniformed ?? 0, Number(strength.deployedUniformed))} language={language} />
                  <Bar label={t('female')} value={Number(strength.deployedFemale)} max={Math.max(strength.authorizedUniformed ?? 0, Number(strength.deployedUniformed))} language={language} />
                </>
              ) : (
                <p>{t('none')}</p>
              )}
            </section>
            <section aria-labelledby="contributors-title" class="card">
              <h3 id="contributors-title">{t('contributors', { year: String(OVERVIEW_YEAR) })}</h3>
              <Table
                rows={data.contributorRanking}
                rowKey={(c) => String(c.rank)}
                columns={[
                  { header: t('contributor'), cell: (c) => c.contributorName },
                  { header: t('personnel'), cell: (c) => formatNumber(language, c.total), numeric: true },
                  { header: t('femaleShare'), cell: (c) => (c.genderShare.femaleShare === null ? '–' : `${formatNumber(language, c.genderShare.femaleShare * 100, 1)} %`), numeric: true },
                ]}
              />
            </section>
            <section aria-labelledby="fatalities-title" class="card">
              <h3 id="fatalities-title">{t('fatalitiesByYear')}</h3>
              {[...byYear.entries()].map(([year, value]) => (
                <Bar key={year} label={String(year)} value={value} max={maxFatalities} language={language} />
              ))}
            </section>
            <section aria-labelledby="budget-title" class="card">
              <h3 id="budget-title">{t('budget')}</h3>
              <Table
                rows={m?.budgets ?? []}
                rowKey={(b) => b.fiscalPeriodId}
                columns={[
                  { header: t('period'), cell: (b) => `${b.fiscalPeriodId}${b.estimated ? ` (${t('estimated')})` : ''}` },
                  { header: t('approved'), cell: (b) => `${formatNumber(language, b.approvedAmount)} ${b.currency}`, numeric: true },
                  { header: t('expenditure'), cell: (b) => (b.performance ? `${formatNumber(language, b.performance.expenditure)} ${b.performance.currency}` : '–'), numeric: true },
                ]}
              />
            </section>
          </div>
        );
      }}
    </QueryFrame>
  );
}
