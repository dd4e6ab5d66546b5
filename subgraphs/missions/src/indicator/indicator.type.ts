import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, DateScalar, ScopedBy } from '@peacegraph/kit';
import { MissionInternalRecord } from '../mission/mission-internal-record.type';

export enum IndicatorLevel {
  INPUT = 'INPUT',
  OUTPUT = 'OUTPUT',
  OUTCOME = 'OUTCOME',
  IMPACT = 'IMPACT',
}
registerEnumType(IndicatorLevel, { name: 'IndicatorLevel', description: 'Results chain level (results-based management).' });

/** Mission performance monitoring (M&E) is internal: UN_INTERNAL, scoped by mission. */
@ScopedBy({ mission: 'missionId', id: 'id' })
@ObjectType({ description: "A monitoring and evaluation indicator of a mandate task. Seeded indicators are GENERATED demo data (source 'generated')." })
export class Indicator extends MissionInternalRecord {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  mandateTaskId: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => IndicatorLevel)
  level: IndicatorLevel;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  name: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: 'people, percent, sessions, …' })
  unit: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: 'Exact decimal.' })
  baseline: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => DateScalar)
  baselineOn: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: 'Exact decimal.' })
  target: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => DateScalar)
  targetOn: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: "'generated' = illustrative demo data." })
  source: string;
}

@ScopedBy({ mission: 'missionId', id: 'id' })
@ObjectType({ description: 'One value of an indicator on a date.' })
export class Measurement {
  @Classified(DataClass.UN_INTERNAL)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  indicatorId: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String)
  missionId: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD' })
  measuredOn: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: 'Exact decimal.' })
  value: string;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { nullable: true })
  note: string | null;

  @Classified(DataClass.UN_INTERNAL)
  @Field(() => String, { description: "'generated' (demo) or 'recorded' (through recordMeasurement)." })
  source: string;
}

/** Share of the way from baseline to target the latest value has come (may be <0 or >1); null without a measurement or when baseline = target. */
export function progressOf(indicator: { baseline: string; target: string }, latest: { value: string } | null | undefined): number | null {
  if (!latest) return null;
  const baseline = Number(indicator.baseline);
  const span = Number(indicator.target) - baseline;
  if (span === 0) return null;
  return Math.round(((Number(latest.value) - baseline) / span) * 10000) / 10000;
}

