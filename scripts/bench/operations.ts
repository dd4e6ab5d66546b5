// The benchmark's query set Q1–Q5 (issue 9), read from the persisted-operations manifest
// sources (persisted-operations/*.graphql) so the benchmark, the tests and dashboard clients
// run the very same documents, with the variables the benchmark uses.
import { buildManifest, type PersistedOperation } from '@peacegraph/gateway';

export type QueryId = 'Q1' | 'Q2' | 'Q3' | 'Q4' | 'Q5';

export interface BenchOperation {
  id: QueryId;
  name: string;
  description: string;
  /** Subgraphs the plan reaches (for the report). */
  subgraphs: string[];
  /** The single subgraph that can answer it alone (variant b), when there is one. */
  singleSubgraph?: string;
  /** The audiences the benchmark rotates through for it. */
  audiences: string[];
  /** Variables; `pageSize` sets the list page where there is one. */
  variables(options?: { pageSize?: number; areaPageSize?: number; n?: number }): Record<string, unknown>;
}

export const OPERATIONS: Record<QueryId, BenchOperation> = {
  Q1: {
    id: 'Q1',
    name: 'MissionMandate',
    description: 'one mission by acronym with its mandate tasks',
    subgraphs: ['missions'],
    singleSubgraph: 'missions',
    audiences: ['mission-ops', 'un-agency', 'ngo-partner', 'ngo-other', 'donor', 'public'],
    variables: () => ({ acronym: 'MINUSCA' }),
  },
  Q2: {
    id: 'Q2',
    name: 'MissionsContributorsBudgets',
    description: '50 missions with contributors (missions) and budgets (finance)',
    subgraphs: ['missions', 'finance'],
    audiences: ['mission-ops', 'un-agency', 'ngo-partner', 'ngo-other', 'donor', 'public'],
    variables: ({ pageSize = 50 } = {}) => ({ page: { first: pageSize }, year: 2023, top: 5 }),
  },
  Q3: {
    id: 'Q3',
    name: 'SituationalPicture',
    description: 'mission → recent incidents → admin areas → access constraints and 3W → budgets and plan funding',
    subgraphs: ['missions', 'incidents', 'humanitarian', 'finance'],
    // Callers cleared for the mission's incidents (area-limited partners read AdminArea.incidents instead).
    audiences: ['mission-ops', 'un-agency'],
    // areaPageSize: each area's constraints and 3W rows (a page since issue 19; at ×1 the busiest of
    // these areas holds 6–7 of each, at ×100 hundreds — an unpaged list made the answer grow with the data).
    variables: ({ pageSize = 50, areaPageSize = 5 } = {}) => ({ acronym: 'MINUSCA', incidents: { first: pageSize }, perArea: { first: areaPageSize }, since: '2015-01-01', countryIso3: 'CAF', planYear: 2024 }),
  },
  Q4: {
    id: 'Q4',
    name: 'IncidentsByAreaAndMonth',
    description: 'incidents by admin area × month (public dashboard aggregate)',
    subgraphs: ['incidents'],
    audiences: ['public'],
    variables: () => ({ filter: { missionId: 'MINUSCA', fromMonth: '2024-01', toMonth: '2025-06', adminLevel: 1 } }),
  },
  Q5: {
    id: 'Q5',
    name: 'ReportIncident',
    description: 'report an incident (mutation)',
    subgraphs: ['incidents'],
    singleSubgraph: 'incidents',
    audiences: ['mission-ops'],
    variables: ({ n = 0 } = {}) => ({
      input: {
        clientKey: `bench-${process.pid}-${Date.now().toString(36)}-${n}`,
        missionId: 'MINUSCA',
        eventDate: '2025-05-02',
        subEventType: 'ATTACK',
        adminAreaPcode: 'CF521',
        latitude: 6.55,
        longitude: 21.98,
        fatalities: 1,
      },
    }),
  },
};

let manifest: Map<string, PersistedOperation> | null = null;

/** The document of one of Q1–Q5, exactly as in the manifest (its id = SHA-256 of it). */
export function operationOf(id: QueryId): PersistedOperation {
  manifest ??= new Map(buildManifest().operations.map((op) => [op.name, op]));
  const op = manifest.get(OPERATIONS[id].name);
  if (!op) throw new Error(`persisted-operations/${OPERATIONS[id].name}.graphql is missing.`);
  return op;
}
