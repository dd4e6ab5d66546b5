import { buildSubgraph, type BuiltSubgraph, scaleNote, type SubgraphModule } from '@peacegraph/kit';
import { createHumanitarianLoaders } from './loaders';
import { seedHumanitarian } from './seed/seed-humanitarian';
import { hxlExportRoutes } from './export/hxl-routes';
import { AccessConstraintResolver } from './access-constraint/access-constraint.resolver';
import { AdminAreaHumanitarianResolver } from './admin-area/admin-area-humanitarian.resolver';
import { adminAreaReference } from './admin-area/admin-area.reference';
import { DdrResolver, MissionDdrResolver } from './ddr/ddr.resolver';
import { DisplacementResolver } from './displacement/displacement.resolver';
import { EscortRequestResolver } from './escort-request/escort-request.resolver';
import { EscortWorkflowMutation } from './escort-request/escort-workflow.mutation';
import { SaveEscortRequestMutation } from './escort-request/save-escort-request.mutation';
import { FootprintResolver, MissionFootprintResolver } from './footprint/footprint.resolver';
import { incidentReference } from './incident/incident.reference';
import { MissionPresenceResolver } from './mission/mission-presence.resolver';
import { missionReference } from './mission/mission.reference';
import { Mission } from './mission/mission.type';
import { OperationalPresenceResolver } from './operational-presence/operational-presence.resolver';
import { SaveOperationalPresenceMutation } from './operational-presence/save-operational-presence.mutation';
import { organizationReference } from './organization/organization.reference';
import { OrganizationResolver } from './organization/organization.resolver';

export { createHumanitarianLoaders, type HumanitarianContext } from './loaders';
export { seedHumanitarian } from './seed/seed-humanitarian';

/** The humanitarian subgraph: organisations, 3W presence, access, displacement, escorts, DDR figures. */
export function buildHumanitarianSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'humanitarian',
    resolvers: [
      OrganizationResolver,
      OperationalPresenceResolver,
      SaveOperationalPresenceMutation,
      MissionPresenceResolver,
      AdminAreaHumanitarianResolver,
      DisplacementResolver,
      AccessConstraintResolver,
      DdrResolver,
      MissionDdrResolver,
      FootprintResolver,
      MissionFootprintResolver,
      EscortRequestResolver,
      SaveEscortRequestMutation,
      EscortWorkflowMutation,
    ],
    orphanedTypes: [Mission],
    referenceResolvers: { ...organizationReference, ...missionReference, ...adminAreaReference, ...incidentReference },
  });
}

export { exportHxlCsv, type HxlExportRequest } from './export/hxl-export';
export { hxlExportRoutes } from './export/hxl-routes';

/** The humanitarian subgraph's code, as its manifest loads it (kit/src/manifest.ts). */
export const humanitarianSubgraph: SubgraphModule = {
  build: buildHumanitarianSubgraph,
  createLoaders: createHumanitarianLoaders,
  seed: async (db, { scale, load }) => {
    const { inserted } = await seedHumanitarian(db, { scale, load });
    return [`humanitarian (generated 3W, access and displacement demo data${scaleNote(scale)}): ${inserted} inserted`];
  },
  routes: hxlExportRoutes,
};
