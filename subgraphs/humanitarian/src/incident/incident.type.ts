import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/**
 * Stub of the incidents subgraph's Incident: the key only. The key is PUBLIC here because
 * it is reached only through `AccessConstraint.incident` (PARTNER, row-scoped); the
 * incidents subgraph scopes the incident itself when the gateway resolves it there.
 */
@Directive('@key(fields: "id")')
@ObjectType()
export class Incident {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;
}
