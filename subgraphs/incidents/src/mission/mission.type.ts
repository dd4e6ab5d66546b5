import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** Stub of the missions subgraph's Mission: the key only; this subgraph adds its incidents. */
@Directive('@key(fields: "id")')
@ObjectType()
export class Mission {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;
}
