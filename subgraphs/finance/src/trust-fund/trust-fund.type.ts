import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, Coarsened, CurrencyCodeScalar, DataClass, DateScalar, DecimalScalar, ScopedBy } from '@peacegraph/kit';

export enum ContributionKind {
  CASH = 'CASH',
  IN_KIND = 'IN_KIND',
}
registerEnumType(ContributionKind, { name: 'ContributionKind' });

export enum Earmarking {
  UNEARMARKED = 'UNEARMARKED',
  SOFTLY_EARMARKED = 'SOFTLY_EARMARKED',
  EARMARKED = 'EARMARKED',
}
registerEnumType(Earmarking, { name: 'Earmarking', description: 'How tightly the donor tied the contribution to a purpose.' });

@ObjectType({ description: 'A UN trust fund that receives voluntary contributions.' })
export class TrustFund {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  name: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  purpose: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  administeredBy: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  missionId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  source: string;
}

/** Rows are scoped in the loader: a confidential contribution reaches its donor and UN finance roles only. */
@ScopedBy({ owner: 'donorOrganizationId', sensitiveWhen: 'confidential', sensitiveClass: DataClass.DONOR_CONFIDENTIAL })
@ObjectType({ description: 'A voluntary contribution to a trust fund or a mission, in cash or in kind.' })
export class VoluntaryContribution {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  trustFundId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  missionId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  donorOrganizationId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => ContributionKind)
  kind: ContributionKind;

  @Classified(DataClass.PUBLIC)
  @Field(() => DecimalScalar, { description: 'Cash amount, or the declared value of an in-kind contribution; exact decimal.' })
  amount: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  inKindDescription: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  purpose: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Earmarking)
  earmarking: Earmarking;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateScalar, { description: 'YYYY-MM-DD.' })
  receivedOn: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean)
  confidential: boolean;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: "'generated (illustrative)' for demo rows." })
  origin: string;
}

@ObjectType({ description: 'What a trust fund received in one currency, over the contributions you may list.' })
export class TrustFundTotal {
  @Classified(DataClass.PUBLIC)
  @Field(() => CurrencyCodeScalar)
  currency: string;

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => DecimalScalar)
  cash: string;

  @Coarsened(DataClass.PUBLIC, DataClass.DONOR_CONFIDENTIAL)
  @Field(() => DecimalScalar)
  inKind: string;
}
