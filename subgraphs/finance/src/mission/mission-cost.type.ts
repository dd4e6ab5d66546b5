import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, CurrencyCodeScalar, DataClass, DecimalScalar } from '@peacegraph/kit';

@ObjectType({ description: "A mission's approved budget divided by its deployed uniformed personnel." })
export class MissionCostPerPerson {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  fiscalPeriodId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'approvedAmount / deployedUniformedPersonnel, rounded half up to the cent.' })
  amount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar)
  approvedAmount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'As the missions subgraph reported it for this request.' })
  deployedUniformedPersonnel: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'True when the budget figure is an estimate.' })
  basedOnEstimate: boolean;
}
