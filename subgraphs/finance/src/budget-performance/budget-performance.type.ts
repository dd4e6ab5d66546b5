import { Field, ObjectType } from 'type-graphql';
import { Classified, CurrencyCodeScalar, DataClass, DecimalScalar } from '@peacegraph/kit';

@ObjectType({ description: 'Budget performance: expenditure against the appropriation.' })
export class BudgetPerformance {
  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Exact decimal.' })
  expenditure: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Appropriation − expenditure, exact.' })
  unencumberedBalance: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Expenditure / appropriation × 100, two decimals.' })
  implementationRate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  source: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean)
  estimated: boolean;
}
