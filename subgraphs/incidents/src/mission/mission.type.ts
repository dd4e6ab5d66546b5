import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass, ScopedBy } from '@peacegraph/kit';

/**
 * Stub of the missions subgraph's Mission: the key only; this subgraph adds its incidents.
 * Scoped by its id like the owner's type, so `Mission.incidents` needs PARTNER for the whole
 * mission; a partner cleared for some areas only reads `AdminArea.incidents` or `Query.incidents`.
 */
@ScopedBy({ mission: 'id' })
@Directive('@key(fields: "id")')
@ObjectType()
export class Mission {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;
}
