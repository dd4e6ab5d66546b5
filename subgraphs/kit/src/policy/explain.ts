import { and, eq } from 'drizzle-orm';
import type { Db } from '../db';
import { rowProviderOf, type Access, type AccessBasis, type RowScope } from './access';
import { DataClass, type RowScopeKeys } from './data-class';
import { directoryCaller } from './directory';
import type { FieldPolicy, TypePolicy } from './field-policy';
import { DATA_OWNER_ROLE, floorViolation, IDENTITY_CLASSES, providerFrom, SEA_ROLE, type Provider } from './floors';
import { scopeOf } from './scope-inheritance';
import { organizations } from './tables';

/**
 * explainAccess (issue 16): for one caller, one field of one row, the decision the graph makes
 * and why. It asks the same questions as serving — the row through the subgraph's own lookup
 * (so row scope is the loaders'), the field through Access.basisFor (what `allows` tests) — and
 * answers only with classes, rules and agreement ids: never a value, and for a row the caller
 * may not see, the same answer whether or not it exists.
 */
export type AccessDecision = 'GRANTED' | 'COARSENED' | 'DENIED' | 'OUT_OF_SCOPE';

export interface AccessQuestion {
  typename: string;
  field: string;
  /** The row's key; absent for a root field (typename Query). */
  id: string | null;
}

/** The kind of agreement that would open what is withheld, and who could approve it. */
export interface AgreementThatWouldGrant {
  /** False when a hard floor (floors.ts) forbids any agreement from granting it to the caller. */
  grantable: boolean;
  floor: string | null;
  dataClass: DataClass;
  /** Whose data it is; null when the row is not one the caller may see (not revealed). */
  providerOrganizationId: string | null;
  missionId: string | null;
  adminAreaPcode: string | null;
  /** The recipient the agreement would name: the caller's organisation (and role, where a floor needs one). */
  recipientOrganizationId: string | null;
  recipientRole: string | null;
  /** Holders of this role at the provider approve requests (approveAgreement). */
  approverRole: string;
  approverOrganizationId: string | null;
}

export interface AccessExplanation extends AccessQuestion {
  decision: AccessDecision;
  /** The field's class; for a coarsened field, the class its coarsened value is served under. */
  dataClass: DataClass;
  /** For a coarsened field: the class the exact value needs. */
  preciseClass: DataClass | null;
  /** What decided: PUBLIC data, the caller's OWN_DATA, an AGREEMENT (agreementId), or NONE. */
  basis: 'PUBLIC' | 'OWN_DATA' | 'AGREEMENT' | 'NONE';
  agreementId: string | null;
  reason: string;
  wouldGrant: AgreementThatWouldGrant | null;
}

/** Reads the row the caller would be served (null when out of scope or absent), through the subgraph's own lookup. */
export type RowLookup = (id: string) => Promise<Record<string, unknown> | null>;

export interface ExplainInput {
  question: AccessQuestion;
  policy: TypePolicy;
  field: FieldPolicy;
  /** The class a row of this type needs to be seen at all (its key field's, or its sensitivity class). */
  rowClass: (row: Record<string, unknown> | null) => DataClass;
  lookup: RowLookup | null;
  access: Access;
  db: Db;
}

export async function explainAccess(input: ExplainInput): Promise<AccessExplanation> {
  const { question, policy, field, access } = input;
  const base = { ...question, dataClass: field.dataClass, preciseClass: field.coarsenedFrom ?? null };
  const row = input.lookup && question.id !== null ? await input.lookup(question.id) : null;
  if (input.lookup && !row) {
    // Absent and out of scope answer alike: nothing here depends on the row.
    const rowClass = input.rowClass(null);
    return {
      ...base,
      decision: 'OUT_OF_SCOPE',
      basis: 'NONE',
      agreementId: null,
      reason: `No ${question.typename} with this id is one you may see: ${question.typename} rows need ${rowClass} data of their provider (${providerWording(policy.scope)}) in their scope.`,
      wouldGrant: await suggestion(input, rowClass, null),
    };
  }
  // What shield's rule judges the field by (rules.ts): the row's own scope keys, or none — a looked-up row inherits nothing.
  const scope: RowScope | undefined = row ? scopeOf(row, policy.scope, {}) : undefined;
  const basis = access.basisFor(field.dataClass, scope);
  if (!basis) {
    return {
      ...base,
      decision: 'DENIED',
      basis: 'NONE',
      agreementId: null,
      reason: `${question.typename}.${question.field} is ${field.dataClass} data and no agreement in force for you grants it${scope ? ' for this row' : ''}.`,
      wouldGrant: await suggestion(input, field.dataClass, scope ?? null),
    };
  }
  const coarsens = !!field.coarsenedFrom && (!field.coarsenedWhen || row?.[field.coarsenedWhen] === true);
  if (coarsens) {
    const precise = access.basisFor(field.coarsenedFrom!, scope);
    if (!precise) {
      return {
        ...base,
        decision: 'COARSENED',
        ...basisFields(basis),
        reason: `You are served a coarsened value: the exact value needs ${field.coarsenedFrom}, which no agreement in force for you grants for this row.`,
        wouldGrant: await suggestion(input, field.coarsenedFrom!, scope ?? null),
      };
    }
    return { ...base, decision: 'GRANTED', ...basisFields(precise), reason: `The exact value: ${wording(precise, field.coarsenedFrom!)}.`, wouldGrant: null };
  }
  return { ...base, decision: 'GRANTED', ...basisFields(basis), reason: `${wording(basis, field.dataClass)}.`, wouldGrant: null };
}

function basisFields(basis: AccessBasis): Pick<AccessExplanation, 'basis' | 'agreementId'> {
  if (basis.kind === 'agreement') return { basis: 'AGREEMENT', agreementId: basis.agreementId };
  return { basis: basis.kind === 'public' ? 'PUBLIC' : 'OWN_DATA', agreementId: null };
}

function wording(basis: AccessBasis, dataClass: DataClass): string {
  if (basis.kind === 'public') return 'PUBLIC data: anyone sees it';
  if (basis.kind === 'own-data') return `the row is your organisation's own, and owners always read its ${dataClass} data`;
  return `agreement ${basis.agreementId} grants you ${dataClass} data for this row`;
}

function providerWording(scope: RowScopeKeys): string {
  if (scope.providedBy === 'mission' || !scope.owner) return "the mission's records";
  return 'the organisation that owns the row';
}

/**
 * The agreement that would open `dataClass` here, checked against the hard floors for the
 * caller's organisation as the directory knows it. With no row (out of scope, or a root field)
 * it names no provider, mission or area: those would say where a row is.
 */
async function suggestion(input: ExplainInput, dataClass: DataClass, scope: RowScope | null): Promise<AgreementThatWouldGrant> {
  const caller = await directoryCaller(input.db, input.access.identity);
  const provider = scope ? await rowProvider(input.db, scope, dataClass) : hypotheticalProvider(input.policy.scope, dataClass);
  const roles: (string | null)[] = dataClass === DataClass.SEA_ALLEGATION ? [SEA_ROLE] : IDENTITY_CLASSES.has(dataClass) ? (caller?.roles ?? []) : [null];
  let floor: string | null = caller ? null : 'agreements name organisations: sign in with your organisation to request one';
  let recipientRole: string | null = roles[0] ?? null;
  if (caller) {
    const subject = (role: string | null) => ({ provider: provider.provider, recipientType: caller.organization.type, recipientRole: role });
    const passing = roles.find((role) => !floorViolation(dataClass, subject(role)));
    if (passing === undefined) floor = floorViolation(dataClass, subject(roles[0] ?? null));
    else recipientRole = passing;
  }
  return {
    grantable: floor === null,
    floor,
    dataClass,
    providerOrganizationId: provider.organizationId,
    missionId: scope?.missionId ?? null,
    adminAreaPcode: scope?.adminAreaPcode ?? null,
    recipientOrganizationId: caller?.organization.id ?? null,
    recipientRole,
    approverRole: DATA_OWNER_ROLE,
    approverOrganizationId: provider.organizationId,
  };
}

interface ProviderAnswer {
  provider: Provider | null;
  organizationId: string | null;
}

/** The row's provider as floors.ts reads it: its owner organisation, else its mission's organisation, else the custodian of unowned rows. */
async function rowProvider(db: Db, scope: RowScope, dataClass: DataClass): Promise<ProviderAnswer> {
  const of = rowProviderOf(scope);
  const [entry] =
    of && 'organizationId' in of
      ? await db.select().from(organizations).where(eq(organizations.id, of.organizationId))
      : of
        ? await db.select().from(organizations).where(and(eq(organizations.type, 'mission'), eq(organizations.acronym, of.missionId)))
        : await db.select().from(organizations).where(eq(organizations.type, dataClass === DataClass.AUDIT ? 'platform' : 'custodian'));
  if (!entry) return { provider: null, organizationId: null };
  return { provider: providerFrom(entry.id, entry.type, entry.acronym), organizationId: entry.id };
}

/** For the floors only: the kind of provider rows of this type have, without naming one. */
function hypotheticalProvider(scope: RowScopeKeys, dataClass: DataClass): ProviderAnswer {
  if (dataClass === DataClass.AUDIT) return { provider: { kind: 'platform' }, organizationId: null };
  if (scope.providedBy === 'mission' || !scope.owner) return { provider: { kind: 'mission', organizationId: '', missionId: '' }, organizationId: null };
  return { provider: { kind: 'organization', organizationId: '' }, organizationId: null };
}
