import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass, MissionYearFigure } from '@peacegraph/kit';

@ObjectType({ description: 'Peacekeeper fatalities counted by mission × year × incident type (UN DPO open data).' })
export class FatalityStatistic extends MissionYearFigure {
  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'MALICIOUS_ACT, ACCIDENT, ILLNESS, SELF_INFLICTED or OTHER.' })
  incidentType: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  fatalities: number;
}
