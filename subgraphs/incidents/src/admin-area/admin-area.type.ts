import { Directive, Field, ObjectType } from 'type-graphql';
import { Classified, DataClass, PCodeScalar, type ReferenceArea } from '@peacegraph/kit';

/** The missions subgraph's AdminArea: the key, its incidents, and the shared name and level (admin-area.resolver.ts). */
@Directive('@key(fields: "pcode")')
@ObjectType()
export class AdminArea {
  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  pcode: string;

  /** Its reference row, when read up front for many rows at once (admin-area.prefetch.ts): name and level resolve without a promise. */
  reference?: ReferenceArea;
}
