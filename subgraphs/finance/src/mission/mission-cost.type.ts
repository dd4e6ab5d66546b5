import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

@ObjectType({ description: "A mission's approved budget divided by its deployed uniformed personnel." })
export class MissionCostPerPerson {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  fiscalPeriodId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'approvedAmount / deployedUniformedPersonnel, rounded half up to the cent.' })
  amount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  approvedAmount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'As the missions subgraph reported it for this request.' })
  deployedUniformedPersonnel: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'True when the budget figure is an estimate.' })
  basedOnEstimate: boolean;
}
