import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { adminAreaByPcodeLoader } from './admin-area/admin-area.loaders';
import { contributionsByMissionLoader } from './contribution/contribution.loaders';
import { countryByIso3Loader } from './country/country.loaders';
import { fatalityCountByMissionLoader } from './fatality/fatality.loaders';
import { missionByIdLoader } from './mission/mission.loaders';

/** Per-request batch loaders: created fresh for every request, so nothing is cached across callers. */
export function createMissionsLoaders(db: Db, _access: Access) {
  return {
    missionById: missionByIdLoader(db),
    countryByIso3: countryByIso3Loader(db),
    adminAreaByPcode: adminAreaByPcodeLoader(db),
    contributionsByMission: contributionsByMissionLoader(db),
    fatalityCountByMission: fatalityCountByMissionLoader(db),
  };
}

export type MissionsLoaders = ReturnType<typeof createMissionsLoaders>;
export type MissionsContext = SubgraphContext<MissionsLoaders>;
