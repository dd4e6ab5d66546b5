import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

export enum CasualtyGroup {
  CIVILIAN = 'CIVILIAN',
  PEACEKEEPER = 'PEACEKEEPER',
  AID_WORKER = 'AID_WORKER',
  COMBATANT = 'COMBATANT',
  UNKNOWN = 'UNKNOWN',
}
registerEnumType(CasualtyGroup, { name: 'CasualtyGroup' });

export enum CasualtyOutcome {
  KILLED = 'KILLED',
  INJURED = 'INJURED',
  ABDUCTED = 'ABDUCTED',
}
registerEnumType(CasualtyOutcome, { name: 'CasualtyOutcome' });

@ObjectType({ description: 'Casualties of one group with one outcome; the breakdowns are null where unknown.' })
export class CasualtyCount {
  @Classified(DataClass.PARTNER)
  @Field(() => CasualtyGroup)
  group: CasualtyGroup;

  @Classified(DataClass.PARTNER)
  @Field(() => CasualtyOutcome)
  outcome: CasualtyOutcome;

  @Classified(DataClass.PARTNER)
  @Field(() => Int)
  total: number;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { nullable: true })
  female: number | null;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { nullable: true })
  male: number | null;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { nullable: true, description: 'Under 18.' })
  children: number | null;
}
