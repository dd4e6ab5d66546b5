import { Field, ID, ObjectType } from 'type-graphql';
import { Classified, DataClass, DateScalar } from '@peacegraph/kit';

@ObjectType({ description: 'A UN peacekeeping financial period: 1 July – 30 June, written 2024/25.' })
export class FiscalPeriod {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'e.g. 2024/25.' })
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD (1 July).' })
  startDate: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD (30 June).' })
  endDate: string;
}
