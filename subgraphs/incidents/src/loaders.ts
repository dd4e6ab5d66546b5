import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { incidentByIdLoader, incidentPagesByParentLoader } from './incident/incident.loaders';

/** Per-request batch loaders, built with the caller's access: every query they send is scoped by construction. */
export function createIncidentsLoaders(db: Db, access: Access) {
  return {
    incidentById: incidentByIdLoader(db, access),
    incidentPagesByMission: incidentPagesByParentLoader(db, access, 'mission'),
    incidentPagesByArea: incidentPagesByParentLoader(db, access, 'area'),
  };
}

export type IncidentsLoaders = ReturnType<typeof createIncidentsLoaders>;
export type IncidentsContext = SubgraphContext<IncidentsLoaders>;
