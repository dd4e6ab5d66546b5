import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, DateScalar, PageOf, ScopedBy } from '@peacegraph/kit';
import { MissionInternalRecord } from '../mission/mission-internal-record.type';

export enum TrainingCourse {
  PRE_DEPLOYMENT = 'PRE_DEPLOYMENT',
  GENDER_AND_PROTECTION = 'GENDER_AND_PROTECTION',
  HUMAN_RIGHTS_AND_CHILD_PROTECTION = 'HUMAN_RIGHTS_AND_CHILD_PROTECTION',
  CONDUCT_AND_DISCIPLINE = 'CONDUCT_AND_DISCIPLINE',
}
registerEnumType(TrainingCourse, { name: 'TrainingCourse', description: 'Courses every uniformed contingent must complete.' });

/** Contingent training compliance is internal performance data: UN_INTERNAL, scoped by mission. */
@ScopedBy({ mission: 'missionId', id: 'id' })
@ObjectType({ description: "One contingent's completion of one required course in a year. Seeded rows are GENERATED demo data (source 'generated')." })
export class TrainingRecord extends MissionInternalRecord {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => CountryCodeScalar, { description: 'The contributing country of the contingent.' })
  contributorIso3: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int)
  year: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => TrainingCourse)
  course: TrainingCourse;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int)
  personnelRequired: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int)
  personnelCompleted: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD' })
  lastCompletedOn: string | null;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: "'generated' = illustrative demo data." })
  source: string;
}

@ObjectType()
export class TrainingRecordPage extends PageOf(TrainingRecord, DataClass.UN_INTERNAL) {}

@ScopedBy({ mission: 'missionId', id: 'missionId' })
@ObjectType({ description: 'Training compliance of a mission in a year: completed / required over all contingents and courses (GENERATED demo data).' })
export class TrainingCompliance {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int)
  year: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Float, { description: 'personnelCompleted / personnelRequired, 0–1.' })
  complianceRate: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int, { description: 'Contingents with records.' })
  contingents: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => Int, { description: 'Contingents that completed every required course with all personnel.' })
  fullyCompliantContingents: number;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  source: string;
}
