import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { referenceAreaByPcodeLoader } from './admin-area/admin-area.loaders';
import {
  actorsByIncidentLoader,
  casualtiesByIncidentLoader,
  perpetratorsByIncidentLoader,
  sourcesByIncidentLoader,
  verificationHistoryByIncidentLoader,
  victimsByIncidentLoader,
} from './incident/incident-children.loaders';
import { incidentByIdLoader, incidentPagesByParentLoader } from './incident/incident.loaders';

/** Per-request batch loaders, built with the caller's access: every query they send is scoped by construction. */
export function createIncidentsLoaders(db: Db, access: Access) {
  return {
    incidentById: incidentByIdLoader(db, access),
    incidentPagesByMission: incidentPagesByParentLoader(db, access, 'mission'),
    incidentPagesByArea: incidentPagesByParentLoader(db, access, 'area'),
    actorsByIncident: actorsByIncidentLoader(db, access),
    casualtiesByIncident: casualtiesByIncidentLoader(db),
    victimsByIncident: victimsByIncidentLoader(db, access),
    sourcesByIncident: sourcesByIncidentLoader(db, access),
    perpetratorsByIncident: perpetratorsByIncidentLoader(db, access),
    verificationHistoryByIncident: verificationHistoryByIncidentLoader(db),
    referenceAreaByPcode: referenceAreaByPcodeLoader(db),
  };
}

export type IncidentsLoaders = ReturnType<typeof createIncidentsLoaders>;
export type IncidentsContext = SubgraphContext<IncidentsLoaders>;
