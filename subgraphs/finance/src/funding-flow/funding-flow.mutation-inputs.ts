import { Field, InputType } from 'type-graphql';
import { FundingContributionType } from './funding-flow.type';
import { CountryCodeScalar, CurrencyCodeScalar, DateScalar, DecimalScalar } from '@peacegraph/kit';

@InputType({ description: 'A new pledge. Amounts are decimal strings; non-USD amounts need the exchange rate and its date.' })
export class RecordPledgeInput {
  @Field(() => String, { description: 'Unique per write: a retry with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String, { description: 'Catalogue id of the donor (your own organisation unless you are a UN finance officer).' })
  sourceOrganizationId: string;

  @Field(() => String, { nullable: true, description: 'Catalogue id of the recipient.' })
  destinationOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Recipient name when it is not in the catalogue.' })
  destinationOrganizationName?: string | null;

  @Field(() => String, { nullable: true, description: 'FTS plan code, e.g. HAFG20.' })
  destinationPlanCode?: string | null;

  @Field(() => [CountryCodeScalar], { nullable: true, description: 'ISO3 codes of the destination countries.' })
  destinationLocations?: string[] | null;

  @Field(() => [String], { nullable: true })
  destinationGlobalClusters?: string[] | null;

  @Field(() => DecimalScalar, { description: 'Decimal string, positive, at most two decimals.' })
  amount: string;

  @Field(() => CurrencyCodeScalar, { description: 'ISO 4217 code.' })
  currency: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Units of currency per US dollar (required unless USD).' })
  exchangeRate?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD the rate applies to (required with exchangeRate).' })
  exchangeRateDate?: string | null;

  @Field(() => FundingContributionType, { nullable: true, defaultValue: FundingContributionType.FINANCIAL })
  contributionType?: FundingContributionType | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Not yet public: DONOR_CONFIDENTIAL until published.' })
  confidential?: boolean | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'The donor asks for anonymity: DONOR_CONFIDENTIAL.' })
  anonymous?: boolean | null;
}

@InputType({ description: 'Turn a pledge into a (legally binding) commitment.' })
export class ConvertPledgeInput {
  @Field(() => String)
  clientKey: string;

  @Field(() => String)
  flowId: string;

  @Field(() => DecimalScalar, { nullable: true, description: 'Committed amount in the pledge currency, when it differs from the pledge.' })
  amount?: string | null;

  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD of the decision (default today).' })
  decisionDate?: string | null;

  @Field(() => Boolean, { nullable: true, defaultValue: false, description: 'Make an unpublished pledge public with the commitment.' })
  publish?: boolean | null;
}
