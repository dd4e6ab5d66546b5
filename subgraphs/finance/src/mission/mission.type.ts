import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** Stub of the missions subgraph's Mission: finance only adds fields to it. */
@Directive('@key(fields: "id")')
@ObjectType({ description: 'A UN peacekeeping operation (owned by the missions subgraph).' })
export class Mission {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'The mission acronym, e.g. MINUSCA.' })
  id: string;

  /** Owned by missions; the gateway supplies it in the representation for @requires. */
  @Classified(DataClass.PUBLIC)
  @Directive('@external')
  @Field(() => Int, { nullable: true, description: 'Deployed uniformed personnel (missions subgraph).' })
  deployedUniformedPersonnel?: number | null;
}
