import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, Coarsened, CountryCodeScalar, CurrencyCodeScalar, DataClass, DateScalar, DecimalScalar, PageOf, ScopedBy } from '@peacegraph/kit';
import { Organization } from '../organization/organization.type';
import type { FlowFilter } from './funding-flow.filter';

export enum FundingFlowStatus {
  PLEDGE = 'pledge',
  COMMITMENT = 'commitment',
  PAID = 'paid',
}
registerEnumType(FundingFlowStatus, {
  name: 'FundingFlowStatus',
  description: 'FTS status: a pledge (non-binding announcement), a commitment (legally binding), or paid.',
});

export enum FundingContributionType {
  FINANCIAL = 'financial',
  IN_KIND = 'in kind',
}
registerEnumType(FundingContributionType, { name: 'FundingContributionType', description: 'In cash (financial) or in kind.' });

/**
 * One humanitarian funding flow (OCHA FTS fields). Rows are scoped in the loaders: a flow
 * that is DONOR_CONFIDENTIAL (anonymous donor, unpublished pledge) reaches only its own donor
 * (owner = source organisation) and holders of DONOR_CONFIDENTIAL (UN finance roles); everyone
 * else meets it only inside totals.
 */
@ScopedBy({ owner: 'sourceOrganizationId', sensitiveWhen: 'confidential', sensitiveClass: DataClass.DONOR_CONFIDENTIAL })
@ObjectType({ description: 'A humanitarian funding flow, OCHA FTS-compatible.' })
export class FundingFlow {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID, { description: 'FTS-<fts id> for imported flows, PG-<uuid> for flows recorded here.' })
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true, description: 'The FTS flow id.' })
  ftsId: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => FundingFlowStatus)
  status: FundingFlowStatus;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Amount in US dollars, exact decimal.' })
  amountUsd: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'Amount in the currency the donor reported, exact decimal.' })
  originalAmount: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar, { nullable: true, description: 'ISO 4217 code of originalAmount.' })
  originalCurrency: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { nullable: true, description: 'Units of original currency per US dollar (FTS convention): amountUsd = originalAmount / exchangeRate.' })
  exchangeRate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'Date the exchange rate applies to (YYYY-MM-DD).' })
  exchangeRateDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'FTS source organisation name; null for anonymous donors.' })
  sourceOrganizationName: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Catalogue id of the source organisation where its FTS name matches one.' })
  sourceOrganizationId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Organization, { nullable: true })
  sourceOrganization: Organization | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  sourceOrganizationTypes: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  destinationOrganizationName: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  destinationOrganizationId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Organization, { nullable: true })
  destinationOrganization: Organization | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  destinationOrganizationTypes: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'FTS plan code, e.g. HAFG20.' })
  destinationPlanCode: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  destinationPlanId: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => [String], { description: 'FTS global clusters.' })
  destinationGlobalClusters: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => [CountryCodeScalar], { description: 'ISO3 codes of the destination locations.' })
  destinationLocations: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  destinationEmergency: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => FundingContributionType)
  contributionType: FundingContributionType;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Standard, Parked, Pass through, Carryover.' })
  flowType: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'incoming, outgoing or internal.' })
  boundary: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'single or shared.' })
  onBoundary: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD.' })
  flowDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD.' })
  decisionDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { nullable: true, description: 'YYYY-MM-DD.' })
  firstReportedDate: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { nullable: true })
  budgetYear: number | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  description: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  refCode: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'DONOR_CONFIDENTIAL flow: you see it because it is yours or you hold that class.' })
  confidential: boolean;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'ANONYMOUS_DONOR or UNPUBLISHED_PLEDGE.' })
  confidentialReason: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "Where the row comes from: 'fts:<file>' or 'recorded'." })
  origin: string;
}

@ObjectType({ description: 'Sums over the matching flows you may list, and the anonymous-donor flows FTS publishes; exact decimals in USD.' })
export class FundingTotals {
  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => Int, { description: 'Number of matching flows: those you may list, and anonymous-donor flows FTS publishes.' })
  flowCount: number;

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => DecimalScalar)
  pledgedUsd: string;

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => DecimalScalar)
  committedUsd: string;

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => DecimalScalar)
  paidUsd: string;

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => DecimalScalar, { description: 'committed + paid: funding as FTS counts it (pledges excluded).' })
  fundingUsd: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'Whether FTS-published anonymous-donor flows are inside these sums (not when the totals would attribute them to a donor). Unpublished pledges count only for those who may list them.' })
  includesConfidential: boolean;
}

@ObjectType()
export class FundingFlowPage extends PageOf(FundingFlow) {
  /** The filter the totals are computed over (resolved lazily by FundingFlowPageResolver). */
  totalsFilter: FlowFilter;
}
