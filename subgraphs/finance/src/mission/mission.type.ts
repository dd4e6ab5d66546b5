import { Directive, Field, Int } from 'type-graphql';
import { Classified, DataClass, FederatedEntity, MissionKey } from '@peacegraph/kit';

/** Stub of the missions subgraph's Mission: finance only adds fields to it. */
@FederatedEntity({ description: 'A UN peacekeeping operation (owned by the missions subgraph).' })
export class Mission extends MissionKey {
  /** Owned by missions; the gateway supplies it in the representation for @requires. */
  @Classified(DataClass.PUBLIC)
  @Directive('@external')
  @Field(() => Int, { nullable: true, description: 'Deployed uniformed personnel (missions subgraph).' })
  deployedUniformedPersonnel?: number | null;
}
