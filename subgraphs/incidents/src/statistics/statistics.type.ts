import { Field, InputType, Int, ObjectType } from 'type-graphql';
import { Classified, Coarsened, DataClass, PCodeScalar, type ReferenceArea, ScopedBy, YearMonthScalar } from '@peacegraph/kit';
import { AdminArea } from '../admin-area/admin-area.type';
import { IncidentEventType } from '../taxonomy/taxonomy';

@ObjectType({ description: 'A count that is null (suppressed) when small and you are not cleared for the rows behind it.' })
export class IncidentStatisticCount {
  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  value: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'True when the value is withheld: the part you cannot list row by row is below the suppression threshold, or would let a withheld count be derived.' })
  suppressed: boolean;
}

/**
 * Public, but its counts are coarsened (suppressed when small) for callers not cleared for
 * the rows behind the cell: the scope keys say which rows those are.
 */
@ScopedBy({ mission: 'missionId', area: 'adminAreaPcode' })
@ObjectType({ description: 'Incidents of one event type in one admin area and month (refuted incidents excluded unless asked).' })
export class IncidentStatistic {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => PCodeScalar)
  adminAreaPcode: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => AdminArea)
  adminArea?: AdminArea;

  /** The area's reference row, when the query asks for its name or level (read up front for every cell). */
  areaReference?: ReferenceArea;

  @Classified(DataClass.PUBLIC)
  @Field(() => YearMonthScalar, { description: 'YYYY-MM of the event date.' })
  month: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => IncidentEventType)
  eventType: IncidentEventType;

  @Coarsened(DataClass.PUBLIC, DataClass.PARTNER)
  @Field(() => IncidentStatisticCount, { description: 'Incidents; exact if you hold PARTNER for the cell, else suppressed when small.' })
  events: IncidentStatisticCount;

  @Coarsened(DataClass.PUBLIC, DataClass.PARTNER)
  @Field(() => IncidentStatisticCount, { description: 'Reported fatalities; exact if you hold PARTNER for the cell, else suppressed when small.' })
  fatalities: IncidentStatisticCount;
}

@InputType()
export class IncidentStatisticsFilterInput {
  @Field(() => String, { nullable: true })
  missionId?: string | null;

  @Field(() => PCodeScalar, { nullable: true, description: 'Cells of this area (an area of the grouping level, or a prefix of them).' })
  adminAreaPcode?: string | null;

  @Field(() => YearMonthScalar, { nullable: true, description: 'YYYY-MM, inclusive.' })
  fromMonth?: string | null;

  @Field(() => YearMonthScalar, { nullable: true, description: 'YYYY-MM, inclusive.' })
  toMonth?: string | null;

  @Field(() => IncidentEventType, { nullable: true })
  eventType?: IncidentEventType | null;

  @Field(() => Int, {
    defaultValue: 1,
    description: '1 = roll up to admin1 areas (an admin2 adminAreaPcode is refused); 2 = the area each incident was filed under (cells you cannot list in full are withheld: admin1 minus admin2 would reveal suppressed counts).',
  })
  adminLevel: number = 1;

  @Field(() => Boolean, { defaultValue: false })
  includeRefuted: boolean = false;
}

@ObjectType()
export class CeasefireViolationMonth {
  @Classified(DataClass.PUBLIC)
  @Field(() => YearMonthScalar, { description: 'YYYY-MM.' })
  month: string;

  @Coarsened(DataClass.PUBLIC, DataClass.PARTNER)
  @Field(() => IncidentStatisticCount, { description: 'Exact if you hold PARTNER for the mission, else suppressed when small.' })
  violations: IncidentStatisticCount;

  @Coarsened(DataClass.PUBLIC, DataClass.PARTNER)
  @Field(() => IncidentStatisticCount, { description: 'Exact if you hold PARTNER for the mission, else suppressed when small.' })
  fatalities: IncidentStatisticCount;
}

@ScopedBy({ mission: 'missionId' })
@ObjectType({ description: 'Ceasefire violations per month for one agreement in one mission (refuted reports excluded).' })
export class CeasefireViolationTimeline {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  agreement: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => [CeasefireViolationMonth], { description: 'Months with at least one violation, oldest first.' })
  months: CeasefireViolationMonth[];
}
