import type { Access, Db, SubgraphContext } from '@peacegraph/kit';
import { adminAreaByPcodeLoader } from './admin-area/admin-area.loaders';
import { strengthsByResolutionLoader } from './authorized-strength/authorized-strength.loaders';
import { yearCoverageLoader } from './contribution/contribution-coverage';
import { contributedByCountryLoader, contributionsByMissionLoader, deployedByMissionLoader } from './contribution/contribution.loaders';
import { countryByIso3Loader } from './country/country.loaders';
import { contributorsBySiteLoader, latestDeploymentYearLoader, sitesByMissionLoader } from './deployment-site/deployment-site.loaders';
import { fatalityCountByMissionLoader } from './fatality/fatality.loaders';
import { indicatorByIdLoader, indicatorsByMissionLoader, indicatorsByTaskLoader, measurementsByIndicatorLoader } from './indicator/indicator.loaders';
import { taskByIdLoader, tasksByResolutionLoader } from './mandate-task/mandate-task.loaders';
import { missionByIdLoader } from './mission/mission.loaders';
import { resolutionBySymbolLoader, resolutionsByMissionLoader } from './resolution/resolution.loaders';
import { trainingByMissionLoader } from './training/training-record.loaders';

/**
 * Per-request batch loaders: created fresh for every request, so nothing is cached across
 * callers. Loaders of UN_INTERNAL rows take `access` and filter in SQL.
 */
export function createMissionsLoaders(db: Db, access: Access) {
  const latestDeploymentYear = latestDeploymentYearLoader(db);
  return {
    missionById: missionByIdLoader(db),
    countryByIso3: countryByIso3Loader(db),
    adminAreaByPcode: adminAreaByPcodeLoader(db),
    contributionsByMission: contributionsByMissionLoader(db),
    deployedByMission: deployedByMissionLoader(db),
    contributionYearComplete: yearCoverageLoader(db),
    contributedByCountry: contributedByCountryLoader(db),
    fatalityCountByMission: fatalityCountByMissionLoader(db),
    resolutionsByMission: resolutionsByMissionLoader(db),
    resolutionBySymbol: resolutionBySymbolLoader(db),
    tasksByResolution: tasksByResolutionLoader(db),
    taskById: taskByIdLoader(db),
    strengthsByResolution: strengthsByResolutionLoader(db),
    latestDeploymentYear,
    sitesByMission: sitesByMissionLoader(db, latestDeploymentYear),
    contributorsBySite: contributorsBySiteLoader(db),
    trainingByMission: trainingByMissionLoader(db, access),
    indicatorsByTask: indicatorsByTaskLoader(db, access),
    indicatorsByMission: indicatorsByMissionLoader(db, access),
    indicatorById: indicatorByIdLoader(db, access),
    measurementsByIndicator: measurementsByIndicatorLoader(db, access),
  };
}

export type MissionsLoaders = ReturnType<typeof createMissionsLoaders>;
export type MissionsContext = SubgraphContext<MissionsLoaders>;
