import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/**
 * Stub of the missions subgraph's Mission: its key, and its host countries marked
 * `@external` so that fields here can `@requires` them (the gateway fetches them first).
 */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A peace operation (owned by the missions subgraph).' })
export class Mission {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Directive('@external')
  @Classified(DataClass.PUBLIC)
  @Field(() => [String], { description: 'Owned by the missions subgraph.' })
  hostCountryIso3: string[];
}
