import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** Stub of the missions subgraph's Mission: finance only adds fields to it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A UN peacekeeping operation (owned by the missions subgraph).' })
export class Mission {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'The mission acronym, e.g. MINUSCA.' })
  id: string;
}
