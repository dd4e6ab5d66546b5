import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Classified, DataClass, DateTimeScalar, PCodeScalar } from '@peacegraph/kit';

/**
 * Agreement metadata is served only to its parties (provider, recipient) and oversight: the
 * resolvers choose the rows (agreement.access.ts), as loaders do for scoped rows. What an
 * agreement says is therefore PUBLIC field by field; which agreements a caller sees is not.
 */
export enum AgreementStatus {
  REQUESTED = 'REQUESTED',
  ACTIVE = 'ACTIVE',
  /** ACTIVE past validUntil: computed, never stored, so expiry needs no job. */
  EXPIRED = 'EXPIRED',
  REVOKED = 'REVOKED',
  REJECTED = 'REJECTED',
}
registerEnumType(AgreementStatus, { name: 'AgreementStatus', description: 'REQUESTED → ACTIVE → EXPIRED | REVOKED, or REQUESTED → REJECTED.' });

@ObjectType({ description: 'What an agreement says at one version (its history keeps every version readable).' })
export class AgreementTerms {
  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'The providing organisation (directory id).' })
  provider: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  recipientOrganizationId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Every organisation of this type (when no organisation is named).' })
  recipientOrganizationType: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'Only holders of this role of the recipient.' })
  recipientRole: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => [String])
  dataClasses: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => [String], { nullable: true, description: 'Null: every mission of the provider.' })
  missionIds: string[] | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => [PCodeScalar], { nullable: true, description: 'Admin-area p-codes (and the areas under them). Null: everywhere.' })
  adminAreaPcodes: string[] | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  purpose: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateTimeScalar, { description: 'ISO 8601.' })
  validFrom: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateTimeScalar, { nullable: true, description: 'ISO 8601; null: open-ended.' })
  validUntil: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'The stored status at this version.' })
  status: string;
}

@ObjectType({ description: 'One change of an agreement: who, when, why, and the terms before and after.' })
export class AgreementHistoryEntry {
  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'The version this change produced.' })
  version: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateTimeScalar, { description: 'ISO 8601.' })
  at: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { description: 'seeded, requested, approved, rejected, amended or revoked.' })
  action: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  actorSubject: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  actorOrganizationId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  reason: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => AgreementTerms, { nullable: true })
  before: AgreementTerms | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => AgreementTerms)
  after: AgreementTerms;
}

@ObjectType({ description: 'A data-sharing agreement: the provider lets the recipient see these data classes of its own data, in this scope, for this period.' })
export class Agreement extends AgreementTerms {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  id: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => AgreementStatus, { description: 'As of now (EXPIRED is ACTIVE past validUntil).' })
  effectiveStatus: AgreementStatus;

  @Classified(DataClass.PUBLIC)
  @Field(() => Boolean, { description: 'ACTIVE and within its dates now.' })
  inForce: boolean;

  @Classified(DataClass.PUBLIC)
  @Field(() => Int, { description: 'Incremented by every change; name it as expectedVersion to change the agreement.' })
  version: number;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  requestedBySubject: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateTimeScalar, { description: 'ISO 8601.' })
  updatedAt: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => [AgreementHistoryEntry], { description: 'Every transition and amendment, oldest first.' })
  history: AgreementHistoryEntry[];
}

@ObjectType({ description: 'What one agreement in force grants the caller.' })
export class AccessGrant {
  @Classified(DataClass.PUBLIC)
  @Field(() => ID)
  agreementId: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => String)
  provider: string;

  @Classified(DataClass.PUBLIC)
  @Field(() => [String], { description: 'The classes it grants (within the hard floors).' })
  dataClasses: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => [String], { nullable: true, description: 'Null: every mission of the provider.' })
  missionIds: string[] | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => [PCodeScalar], { nullable: true, description: 'Null: everywhere.' })
  adminAreaPcodes: string[] | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => DateTimeScalar, { nullable: true, description: 'ISO 8601; null: open-ended.' })
  until: string | null;
}

@ObjectType({ description: 'The caller’s access now: every agreement in force for them, and what ends within 30 days.' })
export class MyAccess {
  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true })
  organizationId: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => String, { nullable: true, description: 'As the organisation directory has it (not as the token claims).' })
  organizationType: string | null;

  @Classified(DataClass.PUBLIC)
  @Field(() => [String], { description: 'The token’s roles the directory lists for the organisation: the ones agreements count.' })
  roles: string[];

  @Classified(DataClass.PUBLIC)
  @Field(() => [AccessGrant])
  grants: AccessGrant[];

  @Classified(DataClass.PUBLIC)
  @Field(() => [AccessGrant], { description: 'Grants whose agreement ends within the next 30 days.' })
  expiringSoon: AccessGrant[];
}
