import { useEffect, useState } from 'preact/hooks';
import { DashboardIncidentReportedDocument, type DashboardIncidentReportedSubscription } from '../gql/graphql';
import type { Translate } from '../i18n';
import { subscribeLive } from '../live';
import type { Session } from '../session';

type LiveIncident = NonNullable<DashboardIncidentReportedSubscription['incidentReported']['incident']>;
type Status = 'connecting' | 'live' | 'dropped';

/** After a drop, subscribe again this much later, with after: the last event seen (nothing is missed). */
const RETRY_MS = 5_000;
const SHOWN = 50;

/**
 * New incidents of the mission as they are reported, newest first, exactly as the caller may see
 * them (the gateway resolves each event with the caller's identity: a partner outside its agreed
 * areas receives nothing). A drop is shown, the rest of the page keeps working, and it reconnects.
 */
export function LiveIncidents({ mission, session, t }: { mission: string; session: Session; t: Translate }) {
  const [incidents, setIncidents] = useState<LiveIncident[]>([]);
  const [status, setStatus] = useState<Status>('connecting');
  useEffect(() => {
    setIncidents([]);
    let lastEventId: string | null = null;
    let stop: (() => void) | null = null;
    let retry: ReturnType<typeof setTimeout> | null = null;
    let closed = false;
    const connect = () => {
      setStatus('connecting');
      stop = subscribeLive(DashboardIncidentReportedDocument, { mission, after: lastEventId }, session.token, {
        connected: () => setStatus('live'),
        next: (data) => {
          setStatus('live');
          lastEventId = data.incidentReported.eventId;
          const incident = data.incidentReported.incident;
          if (incident) setIncidents((shown) => [incident, ...shown.filter((i) => i.id !== incident.id)].slice(0, SHOWN));
        },
        dropped: () => {
          stop?.();
          if (closed) return;
          setStatus('dropped');
          retry = setTimeout(connect, RETRY_MS);
        },
      });
    };
    connect();
    return () => {
      closed = true;
      if (retry) clearTimeout(retry);
      stop?.();
    };
  }, [mission, session.token]);
  return (
    <section aria-labelledby="live-title">
      <h3 id="live-title">
        {t('liveTitle')}{' '}
        <span class={`live-status ${status}`} data-testid="live-status" data-status={status} role="status">
          {t(`live.${status}`)}
        </span>
      </h3>
      {incidents.length === 0 ? (
        <p class="note">{t('liveNone')}</p>
      ) : (
        <ul class="live-incidents" data-testid="live-incidents">
          {incidents.map((i) => (
            <li key={i.id} data-incident-id={i.id}>
              {i.eventDate} · {t(`event.${i.eventType}`)} · {i.adminAreaPcode} · {t('liveFatalities', { count: i.fatalities })}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
