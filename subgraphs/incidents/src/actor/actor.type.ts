import { Field, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** ACLED inter codes; the number is ACLED's (`interCode`), the name is for readers. */
export enum IncidentActorType {
  STATE_FORCES = 'STATE_FORCES',
  REBEL_GROUP = 'REBEL_GROUP',
  POLITICAL_MILITIA = 'POLITICAL_MILITIA',
  IDENTITY_MILITIA = 'IDENTITY_MILITIA',
  RIOTERS = 'RIOTERS',
  PROTESTERS = 'PROTESTERS',
  CIVILIANS = 'CIVILIANS',
  EXTERNAL_OTHER_FORCES = 'EXTERNAL_OTHER_FORCES',
}
registerEnumType(IncidentActorType, { name: 'IncidentActorType', description: 'ACLED inter code (1–8) by name.' });

/** Index + 1 = ACLED inter code. */
export const ACTOR_TYPES_BY_INTER: readonly IncidentActorType[] = [
  IncidentActorType.STATE_FORCES,
  IncidentActorType.REBEL_GROUP,
  IncidentActorType.POLITICAL_MILITIA,
  IncidentActorType.IDENTITY_MILITIA,
  IncidentActorType.RIOTERS,
  IncidentActorType.PROTESTERS,
  IncidentActorType.CIVILIANS,
  IncidentActorType.EXTERNAL_OTHER_FORCES,
];

@ObjectType({ description: 'A party to an incident at group level (ACLED actor1 / actor2). Individuals are perpetrator attributions.' })
export class IncidentActor {
  @Classified(DataClass.PARTNER)
  @Field(() => String)
  name: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { description: '1 = actor1’s side, 2 = actor2’s side.' })
  side: number;

  @Classified(DataClass.PARTNER)
  @Field(() => Int, { description: 'ACLED inter code 1–8.' })
  interCode: number;

  @Classified(DataClass.PARTNER)
  @Field(() => IncidentActorType)
  actorType: IncidentActorType;
}
