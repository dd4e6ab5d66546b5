import { buildSubgraph, type BuiltSubgraph } from '@peacegraph/kit';
import { adminAreaReference } from './admin-area/admin-area.reference';
import { AdminAreaIncidentsResolver } from './admin-area/admin-area.resolver';
import { incidentReference } from './incident/incident.reference';
import { IncidentResolver } from './incident/incident.resolver';
import { missionReference } from './mission/mission.reference';
import { MissionIncidentsResolver } from './mission/mission.resolver';

export { createIncidentsLoaders } from './loaders';
export type { IncidentsContext, IncidentsLoaders } from './loaders';
export { seedIncidents } from './seed/seed-incidents';

/** The incidents subgraph: security incidents, their verification, sources and aggregates. */
export function buildIncidentsSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'incidents',
    resolvers: [IncidentResolver, MissionIncidentsResolver, AdminAreaIncidentsResolver],
    referenceResolvers: { ...incidentReference, ...missionReference, ...adminAreaReference },
  });
}
