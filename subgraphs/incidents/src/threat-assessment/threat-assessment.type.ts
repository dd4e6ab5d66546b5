import { Field, ID, InputType, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, DateScalar, PageOf, PCodeScalar, ScopedBy } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import { Mission } from '../mission/mission.type';

export enum ThreatLevel {
  LOW = 'LOW',
  MODERATE = 'MODERATE',
  SUBSTANTIAL = 'SUBSTANTIAL',
  HIGH = 'HIGH',
  CRITICAL = 'CRITICAL',
}
registerEnumType(ThreatLevel, { name: 'ThreatLevel', description: 'LOW < MODERATE < SUBSTANTIAL < HIGH < CRITICAL.' });

@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode', id: 'id' })
@ObjectType({ description: "The mission's threat level for an admin area over a period (the level is PARTNER data, the rationale UN-internal)." })
export class ThreatAssessment {
  @Classified(DataClass.PARTNER)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PARTNER)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PARTNER)
  @Field(() => PCodeScalar)
  adminAreaPcode: string;

  @Classified(DataClass.PARTNER)
  @Field(() => Mission)
  mission?: Mission;

  @Classified(DataClass.PARTNER)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  @Classified(DataClass.PARTNER)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD.' })
  periodStart: string;

  @Classified(DataClass.PARTNER)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD, inclusive.' })
  periodEnd: string;

  @Classified(DataClass.PARTNER)
  @Field(() => ThreatLevel)
  level: ThreatLevel;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { nullable: true })
  rationale: string | null;

  @Classified(DataClass.PARTNER)
  @Field(() => String, { description: "'generated' = illustrative demo data." })
  provenance: string;
}

@ObjectType()
export class ThreatAssessmentPage extends PageOf(ThreatAssessment, DataClass.PARTNER) {}

@InputType()
export class ThreatAssessmentFilterInput {
  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => PCodeScalar, { nullable: true, description: 'This area and its children.' })
  adminAreaPcode?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'Assessments whose period contains this date (YYYY-MM-DD).' })
  onDate?: string | null;

  @Field(() => ThreatLevel, { nullable: true, description: 'At least this level.' })
  minLevel?: ThreatLevel | null;
}
