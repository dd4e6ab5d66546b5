import type { incidentActors } from '../actor/actor.table';
import type { casualtyCounts } from '../casualty/casualty.table';
import type { perpetratorAttributions } from '../perpetrator/perpetrator.table';
import type { seaAllegations } from '../sea-allegation/sea-allegation.table';
import type { sourceReports } from '../source-report/source-report.table';
import type { threatAssessments } from '../threat-assessment/threat-assessment.table';
import type { verificationTransitions } from '../verification/verification.table';
import type { victims } from '../victim/victim.table';
import { IncidentEventType as E, IncidentLocalType, IncidentSubEventType as S } from '../taxonomy/taxonomy';
import { GENERATED_LABEL, generateIncident, type GeneratedIncident } from './generate';
import { Prng } from './prng';
import type { MissionProfile } from './profiles';

/**
 * The records around each generated incident: actors, casualties (KILLED adds up to the
 * incident's fatalities), victims, graded sources, perpetrator attributions and the
 * verification history that led to its status. Names of people are obviously generated
 * ("Person A (generated)"): a demo must never look like it names a real victim or informant.
 */
export interface GeneratedRecords {
  actors: (typeof incidentActors.$inferInsert)[];
  casualties: (typeof casualtyCounts.$inferInsert)[];
  victims: (typeof victims.$inferInsert)[];
  sources: (typeof sourceReports.$inferInsert)[];
  perpetrators: (typeof perpetratorAttributions.$inferInsert)[];
  transitions: (typeof verificationTransitions.$inferInsert)[];
}

const HOUR = 3_600_000;
const LETTERS = 'ABCDEFGHIJ';

export function generateRecords(g: GeneratedIncident): GeneratedRecords {
  const { row } = g;
  const rng = new Prng(`${row.id}|records`);
  const scope = { incidentId: row.id, missionId: row.missionId, adminAreaPcode: row.adminAreaPcode };
  const reportedAt = row.reportedAt as Date;

  const actors = g.actors.map((a, i) => ({ incidentId: row.id, position: i + 1, name: a.name, side: i === 0 ? 1 : 2, interCode: a.inter }));
  const casualties = casualtiesFor(g, rng);

  const civiliansHarmed = casualties.filter((c) => c.casualtyGroup === 'CIVILIAN').reduce((n, c) => n + c.total, 0);
  const victimRows =
    row.eventType === E.VIOLENCE_AGAINST_CIVILIANS && civiliansHarmed > 0
      ? Array.from({ length: Math.min(3, civiliansHarmed) }, (_, i) => ({
          ...scope,
          id: `${row.id}-V${i + 1}`,
          fullName: `Person ${LETTERS[i]} (generated)`,
          sex: rng.weighted([['FEMALE', 45], ['MALE', 50], ['UNKNOWN', 5]] as const),
          age: rng.chance(0.7) ? rng.int(4, 70) : null,
          casualtyGroup: 'CIVILIAN',
          outcome: row.subEventType === S.ABDUCTION_FORCED_DISAPPEARANCE ? 'ABDUCTED' : (row.fatalities ?? 0) > i ? 'KILLED' : 'INJURED',
        }))
      : [];

  const sources = Array.from({ length: rng.int(1, 3) }, (_, i) => {
    const sourceType = rng.weighted([['MISSION_PATROL', 30], ['HUMAN_SOURCE', 25], ['LOCAL_AUTHORITY', 15], ['UN_AGENCY', 10], ['NGO', 8], ['MEDIA', 8], ['SOCIAL_MEDIA', 4]] as const);
    return {
      ...scope,
      id: `${row.id}-S${i + 1}`,
      sourceType,
      sourceName: sourceNameFor(sourceType, g, i),
      reliability: rng.weighted([['A', 3], ['B', 30], ['C', 40], ['D', 12], ['E', 3], ['F', 12]] as const),
      credibility: rng.weighted([[1, 8], [2, 35], [3, 35], [4, 10], [5, 2], [6, 10]] as const),
      content: `${GENERATED_LABEL} Report ${i + 1} on ${row.id} near ${g.town.name}.`,
      receivedAt: new Date(reportedAt.getTime() - rng.int(1, 30) * HOUR),
      attachedBySubject: 'seed',
      attachedByOrganizationId: row.reportedByOrganizationId ?? null,
    };
  });

  const perpetrators =
    (row.eventType === E.VIOLENCE_AGAINST_CIVILIANS || row.eventType === E.BATTLES || row.eventType === E.EXPLOSIONS_REMOTE_VIOLENCE) && g.actors[0] && rng.chance(0.6)
      ? [
          {
            ...scope,
            id: `${row.id}-P1`,
            actorName: g.actors[0].name,
            identifiedAs: rng.chance(0.35) ? `Commander ${LETTERS[rng.int(0, 9)]}. (generated)` : null,
            confidence: rng.weighted([['ALLEGED', 50], ['PROBABLE', 35], ['CONFIRMED', 15]] as const),
            basis: `${GENERATED_LABEL} Attributed from ${sources.length} source report(s).`,
          },
        ]
      : [];

  const path: [string | null, string][] = [[null, 'REPORTED']];
  if (row.verificationStatus !== 'REPORTED') path.push(['REPORTED', 'UNDER_VERIFICATION']);
  if (row.verificationStatus === 'VERIFIED' || row.verificationStatus === 'REFUTED') path.push(['UNDER_VERIFICATION', row.verificationStatus]);
  const transitions = path.map(([fromStatus, toStatus], i) => ({
    incidentId: row.id,
    version: i + 1,
    fromStatus,
    toStatus,
    bySubject: 'seed',
    byOrganizationId: row.reportedByOrganizationId ?? null,
    at: new Date(reportedAt.getTime() + i * 24 * HOUR),
    reason: i === 0 ? 'Reported.' : `${GENERATED_LABEL} ${toStatus === 'REFUTED' ? 'Sources contradicted on follow-up.' : toStatus === 'VERIFIED' ? 'Corroborated by a second source.' : 'Patrol tasked to verify.'}`,
  }));

  return { actors, casualties, victims: victimRows, sources, perpetrators, transitions };
}

function casualtiesFor(g: GeneratedIncident, rng: Prng): GeneratedRecords['casualties'] {
  const { row } = g;
  const fatalities = row.fatalities ?? 0;
  const killed = new Map<string, number>();
  const add = (group: string, n: number) => n > 0 && killed.set(group, (killed.get(group) ?? 0) + n);
  if (row.eventType === E.BATTLES) {
    const civilians = Math.floor(fatalities * rng.next() * 0.25);
    add('CIVILIAN', civilians);
    add('COMBATANT', fatalities - civilians);
  } else if (row.localType === IncidentLocalType.THREAT_AGAINST_MISSION && fatalities > 0) {
    const peacekeepers = Math.min(fatalities, rng.int(1, 2));
    add('PEACEKEEPER', peacekeepers);
    add('UNKNOWN', fatalities - peacekeepers);
  } else if (row.eventType === E.VIOLENCE_AGAINST_CIVILIANS && fatalities > 0 && rng.chance(0.03)) {
    add('AID_WORKER', 1);
    add('CIVILIAN', fatalities - 1);
  } else {
    add(row.eventType === E.EXPLOSIONS_REMOTE_VIOLENCE && rng.chance(0.4) ? 'COMBATANT' : 'CIVILIAN', fatalities);
  }
  const rows: GeneratedRecords['casualties'] = [];
  for (const [group, total] of killed) rows.push({ incidentId: row.id, casualtyGroup: group, outcome: 'KILLED', ...breakdown(total, rng) });
  if (fatalities > 0 && rng.chance(0.6)) {
    rows.push({ incidentId: row.id, casualtyGroup: [...killed.keys()][0] ?? 'CIVILIAN', outcome: 'INJURED', ...breakdown(rng.int(1, fatalities * 2 + 1), rng) });
  }
  if (row.subEventType === S.ABDUCTION_FORCED_DISAPPEARANCE) {
    rows.push({ incidentId: row.id, casualtyGroup: 'CIVILIAN', outcome: 'ABDUCTED', ...breakdown(rng.int(1, 8), rng) });
  }
  return rows;
}

/** Sex and age where known (about half the time), else null. */
function breakdown(total: number, rng: Prng): { total: number; female: number | null; male: number | null; children: number | null } {
  if (!rng.chance(0.5)) return { total, female: null, male: null, children: null };
  const female = Math.round(total * rng.next() * 0.6);
  return { total, female, male: total - female, children: Math.round(total * rng.next() * 0.3) };
}

function sourceNameFor(type: string, g: GeneratedIncident, i: number): string {
  switch (type) {
    case 'MISSION_PATROL':
      return `${g.row.missionId} patrol from ${g.town.name} (generated)`;
    case 'HUMAN_SOURCE':
      return `Informant ${g.row.id.slice(-4)}-${i + 1} (generated)`;
    case 'LOCAL_AUTHORITY':
      return `Sub-prefecture office, ${g.town.name} (generated)`;
    case 'UN_AGENCY':
      return `UN agency field office, ${g.town.name} (generated)`;
    case 'NGO':
      return `NGO staff member, ${g.town.name} (generated)`;
    case 'MEDIA':
      return 'Local radio station (generated)';
    default:
      return 'Social media post (generated)';
  }
}

/** Threat levels per admin1 area × quarter, derived from the generated incidents in it. */
export function generateThreatAssessments(all: GeneratedIncident[]): (typeof threatAssessments.$inferInsert)[] {
  const cells = new Map<string, { missionId: string; pcode: string; year: number; quarter: number; events: number; fatalities: number }>();
  for (const { row } of all) {
    const date = row.eventDate as string;
    const year = Number(date.slice(0, 4));
    const quarter = Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1;
    const key = `${row.missionId}|${row.admin1Pcode}|${year}|${quarter}`;
    const cell = cells.get(key) ?? { missionId: row.missionId, pcode: row.admin1Pcode, year, quarter, events: 0, fatalities: 0 };
    if (row.verificationStatus !== 'REFUTED') {
      cell.events++;
      cell.fatalities += row.fatalities ?? 0;
    }
    cells.set(key, cell);
  }
  return [...cells.values()].map((c) => {
    const score = c.events + c.fatalities / 2;
    const level = score >= 40 ? 'CRITICAL' : score >= 25 ? 'HIGH' : score >= 12 ? 'SUBSTANTIAL' : score >= 5 ? 'MODERATE' : 'LOW';
    const startMonth = (c.quarter - 1) * 3 + 1;
    const end = new Date(Date.UTC(c.year, startMonth + 2, 0)).toISOString().slice(0, 10);
    return {
      id: `TA-${c.missionId}-${c.pcode}-${c.year}Q${c.quarter}`,
      missionId: c.missionId,
      adminAreaPcode: c.pcode,
      periodStart: `${c.year}-${String(startMonth).padStart(2, '0')}-01`,
      periodEnd: end,
      level,
      rationale: `${GENERATED_LABEL} Derived from ${c.events} generated incidents and ${c.fatalities} reported fatalities in the quarter.`,
      provenance: 'generated',
    };
  });
}

/** A handful of generated SEA allegations per mission (UN conduct data publishes yearly counts of this order). */
export function generateSeaAllegations(profile: MissionProfile): (typeof seaAllegations.$inferInsert)[] {
  const count = Math.max(2, Math.round(profile.incidents / 35));
  return Array.from({ length: count }, (_, i) => {
    const id = `SEA-${profile.missionId}-G${String(i + 1).padStart(4, '0')}`;
    const rng = new Prng(id);
    const town = rng.weighted(profile.towns.map((t) => [t, t.weight] as const));
    const day = rng.int(0, 546);
    // About a third arose around a recorded incident (e.g. during a protection deployment).
    const related = i % 3 === 0 ? generateIncident(profile, rng.int(1, profile.incidents)).row : null;
    return {
      id,
      missionId: profile.missionId,
      adminAreaPcode: related?.adminAreaPcode ?? town.pcode,
      incidentId: related?.id ?? null,
      reportedOn: new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10),
      category: rng.weighted([['SEXUAL_EXPLOITATION', 60], ['SEXUAL_ABUSE', 40]] as const),
      personnelCategory: rng.weighted([['MILITARY', 70], ['POLICE', 12], ['CIVILIAN', 18]] as const),
      victimCount: rng.int(1, 3),
      involvesMinor: rng.chance(0.25),
      investigationStatus: rng.weighted([['PENDING', 50], ['SUBSTANTIATED', 30], ['UNSUBSTANTIATED', 20]] as const),
      summary: `${GENERATED_LABEL} Allegation recorded near ${town.name}.`,
      provenance: 'generated',
    };
  });
}
