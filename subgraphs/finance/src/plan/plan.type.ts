import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Classified, CountryCodeScalar, DataClass, DateScalar, DecimalScalar } from '@peacegraph/kit';

@ObjectType({ description: 'Requirements and funding of one cluster (sector) of a plan, as FTS publishes them.' })
export class PlanCluster {
  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  cluster: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'FTS cluster code; null for "Not specified" and "Multiple clusters/sectors (shared)".' })
  clusterCode: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'USD, exact decimal.' })
  requirementsUsd: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'USD as FTS reports it for the cluster.' })
  fundingUsd: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'fundingUsd / requirementsUsd × 100, two decimals; null without requirements.' })
  percentFunded: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'The whole-number percentage FTS publishes.' })
  reportedPercentFunded: number | null;
}

@ObjectType({ description: 'A humanitarian response plan or appeal (OCHA FTS).' })
export class Plan {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'FTS plan id.' })
  id: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'FTS plan code, e.g. HAFG20.' })
  code: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  name: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Humanitarian response plan, Regional response plan, Flash appeal, Other …' })
  typeName: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int)
  year: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => [CountryCodeScalar], { description: 'ISO3 of the countries the plan covers.' })
  countryIso3: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true })
  startDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true })
  endDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'USD, exact decimal; null when FTS publishes none.' })
  requirementsUsd: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'Funding as FTS published it in the requirements file.' })
  reportedFundingUsd: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  reportedPercentFunded: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'Where the plan comes from.' })
  source: string;
}
