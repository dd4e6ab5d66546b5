import { Directive, Field } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, FederatedEntity, MissionKey } from '@peacegraph/kit';

/**
 * Stub of the missions subgraph's Mission: its key, and its host countries marked
 * `@external` so that fields here can `@requires` them (the gateway fetches them first).
 */
// Fields this subgraph adds are nullable: a failure here must not null the entity its owner served.
@FederatedEntity()
export class Mission extends MissionKey {
  @Directive('@external')
  @Classified(DataClass.PUBLIC)
  @Field(() => [CountryCodeScalar])
  hostCountryIso3: string[];
}
