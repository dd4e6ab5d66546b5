import { useMemo } from 'preact/hooks';
import { DashboardIncidentsDocument, type DashboardIncidentsQuery, type IncidentEventType } from '../gql/graphql';
import type { Language, Translate } from '../i18n';
import { QueryFrame, useQuery, Withheld, withheldClasses } from '../query';
import type { Session } from '../session';
import { IncidentMap, type MapPoint } from './IncidentMap';
import { LiveIncidents } from './LiveIncidents';
import type { MissionChoice } from './missions';

/** Per admin area; 500 is the gateway's page-size limit. */
export const POINTS_PER_AREA = 500;

export function IncidentsView({ mission, session, t, language }: { mission: MissionChoice; session: Session; t: Translate; language: Language }) {
  const state = useQuery(DashboardIncidentsDocument, { mission: mission.acronym, countryIso3: mission.countryIso3, first: POINTS_PER_AREA }, session, language);
  return (
    <QueryFrame state={state} t={t}>
      {(data, errors) => {
        const withheld = withheldClasses(errors, 'adminAreas');
        return (
          <>
            <LiveIncidents mission={mission.acronym} session={session} t={t} />
            <section aria-labelledby="map-title">
              <h3 id="map-title">{t('map')}</h3>
              {withheld.length > 0 && !data.adminAreas.some((a) => a.incidents) ? <Withheld classes={withheld} t={t} /> : <Points data={data} mission={mission} t={t} />}
            </section>
            <section aria-labelledby="timeline-title">
              <h3 id="timeline-title">{t('timeline')}</h3>
              <Timeline rows={data.incidentStatistics} t={t} />
            </section>
          </>
        );
      }}
    </QueryFrame>
  );
}

function Points({ data, mission, t }: { data: DashboardIncidentsQuery; mission: MissionChoice; t: Translate }) {
  const points = useMemo<MapPoint[]>(
    () =>
      data.adminAreas.flatMap((area) =>
        (area.incidents?.nodes ?? []).map((incident) => ({
          id: incident.id,
          ...incident.location,
          label: `${incident.eventDate} · ${t(`event.${incident.eventType}`)} · ${area.name}`,
        })),
      ),
    [data],
  );
  const truncated = data.adminAreas.filter((area) => area.incidents?.pageInfo.hasNextPage).map((area) => area.name);
  return (
    <>
      {truncated.length > 0 && (
        <p role="status" class="partial" data-testid="truncated">
          {t('truncated', { count: POINTS_PER_AREA, areas: truncated.join(', ') })}
        </p>
      )}
      <IncidentMap countryIso3={mission.countryIso3} points={points} t={t} />
    </>
  );
}

interface Cell {
  value: number;
  suppressed: boolean;
}

/**
 * Month × event type, summed over admin areas. A cell with any suppressed part is shown as
 * suppressed as a whole: showing the visible part would let a reader subtract its way back.
 */
export function timelineCells(rows: DashboardIncidentsQuery['incidentStatistics']): Map<string, Cell> {
  const cells = new Map<string, Cell>();
  for (const row of rows) {
    const key = `${row.month}|${row.eventType}`;
    const cell = cells.get(key) ?? { value: 0, suppressed: false };
    if (row.events.suppressed || row.events.value === null) cell.suppressed = true;
    else cell.value += row.events.value;
    cells.set(key, cell);
  }
  return cells;
}

function Timeline({ rows, t }: { rows: DashboardIncidentsQuery['incidentStatistics']; t: Translate }) {
  if (!rows.length) return <p>{t('none')}</p>;
  const cells = timelineCells(rows);
  const months = [...new Set(rows.map((r) => r.month))].sort();
  const types = [...new Set(rows.map((r) => r.eventType))].sort() as IncidentEventType[];
  return (
    <div class="table-scroll" tabIndex={0} role="region" aria-labelledby="timeline-title">
      <table class="timeline" data-testid="timeline">
        <caption class="note">{t('suppressedHelp')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('month')}</th>
            {types.map((type) => (
              <th scope="col" key={type}>
                {t(`event.${type}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {months.map((month) => (
            <tr key={month}>
              <th scope="row">{month}</th>
              {types.map((type) => {
                const cell = cells.get(`${month}|${type}`);
                if (!cell) return <td key={type} class="empty">{t('noneReported')}</td>;
                if (cell.suppressed)
                  return (
                    <td key={type} class="suppressed" data-suppressed="true" title={t('suppressedHelp')}>
                      {t('suppressed')}
                    </td>
                  );
                return (
                  <td key={type} class="count" style={{ '--intensity': Math.min(1, cell.value / 10) }}>
                    {cell.value}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
