import { Directive, Field, ObjectType } from 'type-graphql';
import { Classified, DataClass, PCodeScalar } from '@peacegraph/kit';

/** Stub of the missions subgraph's AdminArea: the p-code only; this subgraph adds its incidents. */
@Directive('@key(fields: "pcode")')
@ObjectType()
export class AdminArea {
  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  pcode: string;
}
