import { Field, InputType, Int, registerEnumType } from 'type-graphql';
import { DateTimeScalar, PCodeScalar } from '@peacegraph/kit';

@InputType({ description: 'The recipient organisation (the caller’s) asks a provider for classes of its data in a scope, for a purpose and period.' })
export class RequestAgreementInput {
  @Field(() => String, { description: 'Retrying with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String, { description: 'The providing organisation (directory id, e.g. minusca).' })
  provider: string;

  @Field(() => String, { nullable: true, description: 'Only holders of this role of your organisation (needed for identity classes).' })
  recipientRole?: string | null;

  @Field(() => [String])
  dataClasses: string[];

  @Field(() => [String], { nullable: true, description: "A mission provider: its own mission (the default)." })
  missionIds?: string[] | null;

  @Field(() => [PCodeScalar], { nullable: true, description: 'Admin-area p-codes under the missions’ host countries; null: everywhere.' })
  adminAreaPcodes?: string[] | null;

  @Field(() => String)
  purpose: string;

  @Field(() => DateTimeScalar, { description: 'RFC 3339 date-time with an offset, e.g. 2025-01-01T00:00:00Z.' })
  validFrom: Date;

  @Field(() => DateTimeScalar, { nullable: true, description: 'RFC 3339 date-time with an offset, after validFrom; null: open-ended.' })
  validUntil?: Date | null;
}

@InputType({ description: 'Terms to narrow (each left out stays as it is). Never wider than what the agreement says.' })
export class AgreementNarrowing {
  @Field(() => [String], { nullable: true })
  dataClasses?: string[] | null;

  @Field(() => [String], { nullable: true })
  missionIds?: string[] | null;

  @Field(() => [PCodeScalar], { nullable: true })
  adminAreaPcodes?: string[] | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'RFC 3339 date-time with an offset.' })
  validFrom?: Date | null;

  @Field(() => DateTimeScalar, { nullable: true, description: 'RFC 3339 date-time with an offset.' })
  validUntil?: Date | null;
}

@InputType()
export class AgreementChangeInput {
  @Field(() => String, { description: 'Retrying with the same key returns the first result.' })
  clientKey: string;

  @Field(() => String)
  id: string;

  @Field(() => Int, { nullable: true, description: 'The version you saw: a change made since then makes this one a CONFLICT.' })
  expectedVersion?: number | null;

  @Field(() => AgreementNarrowing, { nullable: true, description: 'approveAgreement and amendAgreement only.' })
  narrowing?: AgreementNarrowing | null;

  @Field(() => String, { nullable: true, description: 'Why: required to reject, amend and revoke.' })
  reason?: string | null;
}

export enum AgreementParty {
  PROVIDER = 'PROVIDER',
  RECIPIENT = 'RECIPIENT',
}
registerEnumType(AgreementParty, { name: 'AgreementParty' });

@InputType()
export class AgreementFilter {
  @Field(() => AgreementParty, { nullable: true, description: 'Only agreements the caller provides, or receives.' })
  party?: AgreementParty | null;

  @Field(() => String, { nullable: true, description: 'REQUESTED, ACTIVE, EXPIRED, REVOKED or REJECTED.' })
  status?: string | null;

  @Field(() => String, { nullable: true })
  provider?: string | null;

  @Field(() => String, { nullable: true })
  recipientOrganizationId?: string | null;
}
