import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { CasualtyGroup, CasualtyOutcome } from '../casualty/casualty.type';

export enum VictimSex {
  FEMALE = 'FEMALE',
  MALE = 'MALE',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(VictimSex, { name: 'VictimSex' });

/** A named victim. Every field is VICTIM_IDENTITY; the list itself is too (Incident.victims). */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', id: 'id' })
@ObjectType({ description: 'A person harmed in an incident (VICTIM_IDENTITY).' })
export class Victim {
  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => ID, { nullable: true })
  id: string;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => String, { nullable: true })
  missionId: string;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => PCodeScalar, { nullable: true })
  adminAreaPcode: string;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => String, { nullable: true })
  fullName: string | null;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => VictimSex, { nullable: true })
  sex: VictimSex | null;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => Int, { nullable: true })
  age: number | null;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => CasualtyGroup, { nullable: true })
  group: CasualtyGroup | null;

  @Classified(DataClass.VICTIM_IDENTITY)
  @Field(() => CasualtyOutcome, { nullable: true })
  outcome: CasualtyOutcome | null;
}
