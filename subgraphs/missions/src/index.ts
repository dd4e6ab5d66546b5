import { AuditLogResolver, buildSubgraph, type BuiltSubgraph } from '@peacegraph/kit';
import { adminAreaReference } from './admin-area/admin-area.reference';
import { AdminAreaResolver } from './admin-area/admin-area.resolver';
import { ContributionResolver, MissionContributionsResolver } from './contribution/contribution.resolver';
import { countryReference } from './country/country.reference';
import { CountryResolver } from './country/country.resolver';
import { FatalityResolver, MissionFatalitiesResolver } from './fatality/fatality.resolver';
import { missionReference } from './mission/mission.reference';
import { MissionResolver } from './mission/mission.resolver';

export { createMissionsLoaders } from './loaders';

/** The missions subgraph: missions and mandates, contributions, fatalities, and the places (countries, admin areas). */
export function buildMissionsSubgraph(): Promise<BuiltSubgraph> {
  return buildSubgraph({
    name: 'missions',
    resolvers: [
      MissionResolver,
      MissionContributionsResolver,
      MissionFatalitiesResolver,
      ContributionResolver,
      CountryResolver,
      AdminAreaResolver,
      FatalityResolver,
      // The audit log lives in the policy schema; one subgraph serves it, this one.
      AuditLogResolver,
    ],
    referenceResolvers: { ...missionReference, ...countryReference, ...adminAreaReference },
  });
}
export { importMissionsData, type MissionsDataImport } from './import';
