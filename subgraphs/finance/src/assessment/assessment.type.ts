import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Classified, CountryCodeScalar, CurrencyCodeScalar, DataClass, DateScalar, DecimalScalar } from '@peacegraph/kit';

// Public: the UN publishes assessments and the status of contributions per member state.
@ObjectType({ description: "A member state's assessed contribution to one mission for one financial period." })
export class Assessment {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: '<ISO3>:<mission>:<period>, e.g. NOR:UNIFIL:2024/25.' })
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar)
  memberStateIso3: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  fiscalPeriodId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Peacekeeping scale rate, per cent (six decimals).' })
  scaleRate: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Exact decimal.' })
  assessedAmount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD: unpaid after this date it is in arrears.' })
  dueDate: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  source: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean)
  estimated: boolean;
}

@ObjectType({ description: 'One assessment as of a date: what was due, what was paid by then, what is outstanding.' })
export class AssessmentStatus {
  @Classified(DataClass.PUBLIC)
  @Field(() => Assessment)
  assessment: Assessment;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Payments made on or before the date.' })
  paid: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'assessed − paid, never below zero.' })
  outstanding: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Paid above the assessment (flagged payments).' })
  credit: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'Due on or before the date and not fully paid.' })
  inArrears: boolean;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Days past the due date while unpaid; 0 otherwise.' })
  daysOverdue: number;
}

@ObjectType({ description: "A member state's arrears as of a date, per assessment and in total." })
export class MemberStateArrears {
  @Classified(DataClass.PUBLIC)
  @Field(() => CountryCodeScalar)
  memberStateIso3: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD.' })
  asOf: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Sum assessed with a due date on or before asOf.' })
  assessedDue: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Paid on or before asOf against those assessments (credits excluded).' })
  paid: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'assessedDue − paid: the arrears.' })
  arrears: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Outstanding on assessments not yet due on asOf (not arrears).' })
  notYetDue: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Paid above what was due (flagged payments).' })
  credit: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => [AssessmentStatus])
  assessments: AssessmentStatus[];
}
