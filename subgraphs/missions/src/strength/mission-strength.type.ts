import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass, MissionYearFigure } from '@peacegraph/kit';

@ObjectType({
  description:
    'Uniformed personnel a mission had deployed in a year (contributions data: yearly average, summed over contributors) against the ceiling authorized at the end of that year.',
})
export class MissionStrength extends MissionYearFigure {
  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'False when the source covers only part of the year (its averages then understate the strength).' })
  completeYear: boolean;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Deployed uniformed personnel, exact decimal (yearly average).' })
  deployedUniformed: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  deployedFemale: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  deployedMale: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'Authorized uniformed ceiling (top-level military + police ceilings); null when no resolution with ceilings is recorded.' })
  authorizedUniformed: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'authorizedUniformed − deployed (rounded): how far below the ceiling the mission was; negative above it.' })
  gap: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Symbol of the latest recorded resolution with ceilings adopted by 31 December of the year. The catalogue is partial: where later resolutions are not recorded, this one (and so the gap) may be out of date.' })
  authorizedBySymbol: string | null;
}
