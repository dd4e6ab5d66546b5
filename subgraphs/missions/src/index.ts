import { AuditLogResolver, buildSubgraph, type BuiltSubgraph, type SubgraphModule } from '@peacegraph/kit';
import { createMissionsLoaders } from './loaders';
import { seedMissions } from './seed';
import { AgreementMutations } from './agreement/agreement.mutation';
import { AgreementResolver } from './agreement/agreement.resolver';
import { AgreementByIdResolver } from './agreement/agreement-by-id.resolver';
import { adminAreaReference } from './admin-area/admin-area.reference';
import { AdminAreaResolver } from './admin-area/admin-area.resolver';
import { ContributionResolver, MissionContributionsResolver } from './contribution/contribution.resolver';
import { ContributorRankResolver } from './contribution/contributor-rank.resolver';
import { CountryContributionResolver } from './contribution/country-contribution.resolver';
import { countryReference } from './country/country.reference';
import { CountryResolver } from './country/country.resolver';
import { DeploymentSiteResolver, MissionDeploymentSitesResolver } from './deployment-site/deployment-site.resolver';
import { FatalityResolver, MissionFatalitiesResolver } from './fatality/fatality.resolver';
import { PeacekeeperFatalityResolver } from './fatality/peacekeeper-fatality.resolver';
import { IndicatorResolver, MandateTaskIndicatorsResolver, MissionIndicatorsResolver } from './indicator/indicator.resolver';
import { RecordMeasurementMutation } from './indicator/record-measurement.mutation';
import { MandateTaskResolver } from './mandate-task/mandate-task.resolver';
import { CloseMissionMutation } from './mission/close-mission.mutation';
import { MissionMandateResolver } from './mission/mission-mandate.resolver';
import { missionReference } from './mission/mission.reference';
import { MissionResolver } from './mission/mission.resolver';
import { RecordResolutionMutation } from './resolution/record-resolution.mutation';
import { SecurityCouncilResolutionResolver } from './resolution/resolution.resolver';
import { MissionTrainingResolver, TrainingRecordResolver } from './training/training-record.resolver';

export { createMissionsLoaders, type MissionsContext, type MissionsLoaders } from './loaders';

/** The missions subgraph: missions and mandates, strength, contributions, sites, fatalities, training, M&E, and the places (countries, admin areas). */
export function buildMissionsSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'missions',
    resolvers: [
      MissionResolver,
      MissionMandateResolver,
      MissionContributionsResolver,
      MissionFatalitiesResolver,
      MissionDeploymentSitesResolver,
      MissionTrainingResolver,
      MissionIndicatorsResolver,
      SecurityCouncilResolutionResolver,
      MandateTaskResolver,
      MandateTaskIndicatorsResolver,
      ContributionResolver,
      ContributorRankResolver,
      DeploymentSiteResolver,
      PeacekeeperFatalityResolver,
      TrainingRecordResolver,
      IndicatorResolver,
      CountryResolver,
      CountryContributionResolver,
      AdminAreaResolver,
      FatalityResolver,
      RecordResolutionMutation,
      CloseMissionMutation,
      RecordMeasurementMutation,
      // The audit log lives in the policy schema; one subgraph serves it, this one.
      AuditLogResolver,
      // Data-sharing agreements live in the policy schema too; this subgraph serves them
      // (it holds the missions and admin areas an agreement's scope is checked against).
      AgreementResolver,
      AgreementByIdResolver,
      AgreementMutations,
    ],
    referenceResolvers: { ...missionReference, ...countryReference, ...adminAreaReference },
  });
}
export {
  seedMissions,
  seedReference,
  seedMandates,
  seedGeneratedMissionsData,
  type MissionsSeedReport,
  type MandatesReport,
  type GeneratedReport,
} from './seed';

/** The missions subgraph's code, as its manifest loads it (kit/src/manifest.ts). */
export const missionsSubgraph: SubgraphModule = {
  build: buildMissionsSubgraph,
  createLoaders: createMissionsLoaders,
  seed: async (db, { dataDir }) => (await seedMissions(db, dataDir)).summary,
};
