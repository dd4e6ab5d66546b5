import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass } from '@peacegraph/kit';

/**
 * Stub of the missions subgraph's Mission: its key, and its host countries marked
 * `@external` so that fields here can `@requires` them (the gateway fetches them first).
 */
// Fields this subgraph adds are nullable: a failure here must not null the entity its owner served.
@Directive('@key(fields: "id")')
@ObjectType()
export class Mission {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Classified(DataClass.PUBLIC)
  @Field(() => [CountryCodeScalar])
  hostCountryIso3: string[];
}
