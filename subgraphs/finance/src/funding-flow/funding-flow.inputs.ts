import { Field, InputType } from 'type-graphql';
import { FundingFlowStatus } from './funding-flow.type';
import { CountryCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'All given conditions must hold.' })
export class FundingFlowFilterInput {
  @Field(() => String, { nullable: true, description: 'FTS plan code, e.g. HAFG20.' })
  planCode?: string | null;

  @Field(() => CountryCodeScalar, { nullable: true, description: 'ISO3 of a destination location.' })
  destinationCountryIso3?: string | null;

  @Field(() => String, { nullable: true, description: 'Catalogue id of the donor.' })
  sourceOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Catalogue id of the recipient.' })
  destinationOrganizationId?: string | null;

  @Field(() => String, { nullable: true, description: 'Donor name as FTS writes it, for donors outside the catalogue.' })
  sourceOrganizationName?: string | null;

  @Field(() => String, { nullable: true, description: 'Recipient name as FTS writes it.' })
  destinationOrganizationName?: string | null;

  @Field(() => FundingFlowStatus, { nullable: true })
  status?: FundingFlowStatus | null;
}
