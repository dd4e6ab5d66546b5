import { Directive, Field, ObjectType } from 'type-graphql';
import { Classified, DataClass, PCodeScalar } from '@peacegraph/kit';

/** Stub of the missions subgraph's AdminArea: the key only; this subgraph adds its humanitarian fields. */
// Fields this subgraph adds are nullable: a failure here must not null the entity its owner served.
@Directive('@key(fields: "pcode")')
@ObjectType()
export class AdminArea {
  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  pcode: string;
}

export function adminAreaStub(pcode: string): AdminArea {
  return { pcode };
}
