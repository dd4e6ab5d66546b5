import type { NewEscortRequestEventRow, NewEscortRequestRow, StoredWaypoint } from '../escort-request/escort-request.table';
import { catalogueArea } from '../places';

/**
 * GENERATED DEMO ESCORT REQUESTS — illustrative, not real movements. A handful per mission
 * in every workflow state, with their history, so the escort workflow and its policy
 * (route = SECURITY_OPERATIONS) can be seen and tested on a fresh database. Stable ids.
 */
interface DemoEscort {
  n: number;
  missionId: string;
  organizationId: string;
  route: string[];
  requestedDate: string;
  purpose: string;
  /** Status path after REQUESTED, with the mission's reason where one is given. */
  path: [status: string, reason: string | null][];
}

const DEMO: DemoEscort[] = [
  { n: 1, missionId: 'MINUSCA', organizationId: 'wfp', route: ['CF71', 'CF41', 'CF431'], requestedDate: '2025-03-10', purpose: 'Food convoy Bangui – Bambari', path: [['APPROVED', null], ['COMPLETED', null]] },
  { n: 2, missionId: 'MINUSCA', organizationId: 'nrc', route: ['CF431', 'CF435'], requestedDate: '2025-05-22', purpose: 'Shelter kits to Ippy', path: [['APPROVED', null]] },
  { n: 3, missionId: 'MINUSCA', organizationId: 'caritas-bangui', route: ['CF71', 'CF11'], requestedDate: '2025-06-03', purpose: 'Seed distribution', path: [] },
  { n: 4, missionId: 'MINUSCA', organizationId: 'msf', route: ['CF521', 'CF52'], requestedDate: '2025-07-14', purpose: 'Medical evacuation support', path: [['DECLINED', 'Armed group activity on the axis; request again in 72 hours.']] },
  { n: 5, missionId: 'MINUSCA', organizationId: 'unicef', route: ['CF71', 'CF42', 'CF421'], requestedDate: '2025-08-01', purpose: 'Vaccines cold chain to Kaga-Bandoro', path: [['CANCELLED', 'Moved to air transport.']] },
  { n: 1, missionId: 'MONUSCO', organizationId: 'unhcr', route: ['CD6109', 'CD6111'], requestedDate: '2025-04-18', purpose: 'Protection monitoring mission Beni – Rutshuru', path: [['APPROVED', null], ['COMPLETED', null]] },
  { n: 2, missionId: 'MONUSCO', organizationId: 'irc', route: ['CD5402', 'CD5405'], requestedDate: '2025-09-09', purpose: 'WASH supplies to Djugu', path: [] },
  { n: 1, missionId: 'UNMISS', organizationId: 'wfp', route: ['SS0101', 'SS06', 'SS0609'], requestedDate: '2025-02-27', purpose: 'River convoy to Rubkona', path: [['APPROVED', null]] },
];

export function demoEscortRows(): { requests: NewEscortRequestRow[]; events: (NewEscortRequestEventRow & { escortRequestId: string })[] } {
  const requests: NewEscortRequestRow[] = [];
  const events: (NewEscortRequestEventRow & { escortRequestId: string })[] = [];
  for (const demo of DEMO) {
    const id = `demo-escort-${demo.missionId}-${demo.n}`.toLowerCase();
    const route: StoredWaypoint[] = demo.route.map((pcode) => {
      const area = catalogueArea(pcode)!;
      return { adminAreaPcode: pcode, name: area.name, latitude: area.centroidLatitude + 0.0123, longitude: area.centroidLongitude - 0.0217 };
    });
    const final = demo.path[demo.path.length - 1];
    requests.push({
      id,
      requestingOrganizationId: demo.organizationId,
      missionId: demo.missionId,
      originPcode: demo.route[0]!,
      route,
      requestedDate: demo.requestedDate,
      purpose: `${demo.purpose} (generated demo request)`,
      cargo: null,
      status: final?.[0] ?? 'REQUESTED',
      declineReason: final?.[0] === 'DECLINED' ? final[1] : null,
      createdBy: 'seed',
    });
    const missionOrg = demo.missionId.toLowerCase();
    events.push({ escortRequestId: id, fromStatus: null, toStatus: 'REQUESTED', actorSubject: 'seed', actorOrganizationId: demo.organizationId });
    let from = 'REQUESTED';
    for (const [to, reason] of demo.path) {
      const actor = to === 'CANCELLED' ? demo.organizationId : missionOrg;
      events.push({ escortRequestId: id, fromStatus: from, toStatus: to, reason, actorSubject: 'seed', actorOrganizationId: actor });
      from = to;
    }
  }
  return { requests, events };
}
