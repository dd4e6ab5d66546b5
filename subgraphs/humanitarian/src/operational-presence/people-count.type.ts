import { Field, Int, ObjectType } from 'type-graphql';
import { Classified, DataClass } from '@peacegraph/kit';

/** People counted by sex and age group (children < 18, adults ≥ 18); parts are null where not reported. */
@ObjectType()
export class PeopleBySexAndAge {
  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  total: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  femaleChildren: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  maleChildren: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  femaleAdults: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  maleAdults: number | null;
}
