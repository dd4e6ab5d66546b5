import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

export enum MandateTaskCategory {
  PROTECTION_OF_CIVILIANS = 'PROTECTION_OF_CIVILIANS',
  POLITICAL_PROCESS = 'POLITICAL_PROCESS',
  CEASEFIRE_MONITORING = 'CEASEFIRE_MONITORING',
  DDR = 'DDR',
  SECURITY_SECTOR_REFORM = 'SECURITY_SECTOR_REFORM',
  RULE_OF_LAW = 'RULE_OF_LAW',
  ELECTORAL_SUPPORT = 'ELECTORAL_SUPPORT',
  HUMAN_RIGHTS = 'HUMAN_RIGHTS',
  CHILD_PROTECTION = 'CHILD_PROTECTION',
  GENDER_WPS = 'GENDER_WPS',
  HUMANITARIAN_ACCESS = 'HUMANITARIAN_ACCESS',
  STATE_AUTHORITY = 'STATE_AUTHORITY',
  PROTECTION_OF_UN_PERSONNEL = 'PROTECTION_OF_UN_PERSONNEL',
  OTHER = 'OTHER',
}
registerEnumType(MandateTaskCategory, {
  name: 'MandateTaskCategory',
  description: 'Kind of mandated task. DDR: disarmament, demobilization and reintegration; GENDER_WPS: gender / women, peace and security.',
});

export enum MandateTaskPriority {
  PRIORITY = 'PRIORITY',
  OTHER = 'OTHER',
}
registerEnumType(MandateTaskPriority, {
  name: 'MandateTaskPriority',
  description: 'Resolutions list "priority tasks" before "other tasks".',
});

@ObjectType({ description: 'A task a Security Council resolution mandates.' })
export class MandateTask {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: '<resolution symbol>#<position>' })
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  resolutionSymbol: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Order in the resolution, from 1.' })
  position: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => MandateTaskCategory)
  category: MandateTaskCategory;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Summary of the operative paragraph.' })
  text: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => MandateTaskPriority)
  priority: MandateTaskPriority;
}
