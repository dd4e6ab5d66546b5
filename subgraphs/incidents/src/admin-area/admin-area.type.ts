import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** Stub of the missions subgraph's AdminArea: the p-code only; this subgraph adds its incidents. */
@Directive('@key(fields: "pcode")')
@ObjectType()
export class AdminArea {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  pcode: string;
}
