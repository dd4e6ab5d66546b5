import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, DateTimeScalar, PCodeScalar, ScopedBy } from '@peacegraph/kit';

export enum IncidentSourceType {
  HUMAN_SOURCE = 'HUMAN_SOURCE',
  MISSION_PATROL = 'MISSION_PATROL',
  UN_AGENCY = 'UN_AGENCY',
  NGO = 'NGO',
  LOCAL_AUTHORITY = 'LOCAL_AUTHORITY',
  MEDIA = 'MEDIA',
  SOCIAL_MEDIA = 'SOCIAL_MEDIA',
}
registerEnumType(IncidentSourceType, { name: 'IncidentSourceType' });

/** Admiralty/NATO source reliability: A completely reliable … E unreliable, F cannot be judged. */
export enum SourceReliability {
  A = 'A',
  B = 'B',
  C = 'C',
  D = 'D',
  E = 'E',
  F = 'F',
}
registerEnumType(SourceReliability, {
  name: 'SourceReliability',
  description: 'A completely reliable, B usually reliable, C fairly reliable, D not usually reliable, E unreliable, F cannot be judged.',
});

/** A report an incident rests on. Everything here can identify an informant: SOURCE_IDENTITY. */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', id: 'id' })
@ObjectType({ description: 'A source report with its grading (SOURCE_IDENTITY).' })
export class SourceReport {
  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => ID, { nullable: true })
  id: string;

  incidentId: string;
  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => String, { nullable: true })
  missionId: string;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => PCodeScalar, { nullable: true })
  adminAreaPcode: string;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => IncidentSourceType, { nullable: true })
  sourceType: IncidentSourceType | null;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => String, { nullable: true, description: 'Who reported it (a person, unit or outlet).' })
  sourceName: string | null;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => SourceReliability, { nullable: true })
  reliability: SourceReliability | null;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => Int, { nullable: true, description: '1 confirmed, 2 probably true, 3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged.' })
  credibility: number | null;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => String, { nullable: true })
  content: string | null;

  @Classified(DataClass.SOURCE_IDENTITY)
  @Field(() => DateTimeScalar, { nullable: true, description: 'ISO 8601.' })
  receivedAt: string | null;
}
