import { buildSubgraph, type BuiltSubgraph, scaleNote, type SubgraphModule } from '@peacegraph/kit';
import { createIncidentsLoaders } from './loaders';
import { seedIncidents } from './seed/seed-incidents';
import { adminAreaReference } from './admin-area/admin-area.reference';
import { AdminAreaIncidentsResolver } from './admin-area/admin-area.resolver';
import { IncidentChildrenResolver } from './incident/incident-children.resolver';
import { incidentReference } from './incident/incident.reference';
import { IncidentResolver } from './incident/incident.resolver';
import { missionReference } from './mission/mission.reference';
import { MissionIncidentsResolver } from './mission/mission.resolver';
import { ReportIncidentMutation } from './report/report-incident.mutation';
import { SeaAllegationResolver } from './sea-allegation/sea-allegation.resolver';
import { AttachSourceMutation } from './source-report/attach-source.mutation';
import { IncidentStatisticsResolver } from './statistics/statistics.resolver';
import { ThreatAssessmentResolver } from './threat-assessment/threat-assessment.resolver';
import { TransitionVerificationMutation } from './verification/transition-verification.mutation';

export { createIncidentsLoaders } from './loaders';
export type { IncidentsContext, IncidentsLoaders } from './loaders';
export { MAX_SEED_SCALE, seedIncidents } from './seed/seed-incidents';

/** The incidents subgraph: security incidents, their verification, sources, threat assessments and aggregates. */
export function buildIncidentsSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'incidents',
    resolvers: [
      IncidentResolver,
      IncidentChildrenResolver,
      MissionIncidentsResolver,
      AdminAreaIncidentsResolver,
      IncidentStatisticsResolver,
      ThreatAssessmentResolver,
      SeaAllegationResolver,
      ReportIncidentMutation,
      TransitionVerificationMutation,
      AttachSourceMutation,
    ],
    referenceResolvers: { ...incidentReference, ...missionReference, ...adminAreaReference },
  });
}

/** The incidents subgraph's code, as its manifest loads it (kit/src/manifest.ts). */
export const incidentsSubgraph: SubgraphModule = {
  build: buildIncidentsSubgraph,
  createLoaders: createIncidentsLoaders,
  seed: async (db, { scale, load }) => {
    const { inserted } = await seedIncidents(db, { scale, load });
    return [`incidents (generated demo data${scaleNote(scale)}): ${inserted} inserted`];
  },
};
