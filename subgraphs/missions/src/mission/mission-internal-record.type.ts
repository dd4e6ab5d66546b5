import { Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/**
 * The first fields of a mission's internal performance records (training compliance, M&E
 * indicators): UN_INTERNAL, decided per mission — each record type says
 * `@ScopedBy({ mission: 'missionId', id: 'id' })` (a class decorator is not inherited).
 */
// Never reachable itself, so never emitted (type-graphql 2 builds only reachable types).
@ObjectType()
export abstract class MissionInternalRecord {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  missionId: string;
}
