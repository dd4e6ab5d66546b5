import { and, eq, getTableColumns, gt, inArray, isNull, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { Identity } from '../identity';
import { DataClass, RESTRICTED_CLASSES } from './data-class';
import { floorViolation, OWNER_READABLE, providerFrom, type Provider } from './floors';
import { agreements, organizationRoles, organizations, type AgreementRow } from './tables';
import type { AuditLog } from './audit';

/** Where one row sits: the keys agreements are scoped by. */
export interface RowScope {
  missionId?: string | null;
  adminAreaPcode?: string | null;
  ownerOrganizationId?: string | null;
  /** Whose data the row is: its owner's (default, when it has one) or its mission's (incidents and their records). */
  providedBy?: 'mission' | 'owner';
}

/** One agreement's grant of one class: null lists mean "all". It is also the basis it gives (AccessBasis). */
export interface Grant {
  kind: 'agreement';
  agreementId: string;
  provider: Provider;
  missionIds: ReadonlySet<string> | null;
  areaPrefixes: readonly string[] | null;
}

/** An agreement as the policy reads it: the row plus its provider's and recipient's directory entries. */
export interface AgreementInForce extends AgreementRow {
  providerType: string | null;
  providerAcronym: string | null;
  /** The named organisation's type in the directory, else the type the agreement names. */
  recipientType: string | null;
}

/** Why a class is open to a caller: see Access.basisFor. */
export type AccessBasis = { kind: 'public' } | { kind: 'own-data' } | Grant;

const PUBLIC_BASIS: AccessBasis = Object.freeze({ kind: 'public' });
const OWN_DATA_BASIS: AccessBasis = Object.freeze({ kind: 'own-data' });
const NO_GRANTS: readonly Grant[] = Object.freeze([]);

export interface Decision {
  entityType: string;
  entityId: string | null;
  field: string;
}

/**
 * The caller's effective access for one request, built from the agreements in force at
 * the start of that request (so an expired agreement grants nothing on the next request).
 */
export class Access {
  constructor(
    readonly identity: Identity,
    private readonly grants: ReadonlyMap<DataClass, readonly Grant[]>,
    /** The caller's organisation, type, roles and the versions of the agreements in force, hashed: the scope reads may be shared within. */
    readonly fingerprint: string,
    readonly audit: AuditLog,
  ) {}

  /** Does any grant of `dataClass` cover this row? PUBLIC always does. */
  allows(dataClass: DataClass, row: RowScope = {}): boolean {
    return this.basisFor(dataClass, row) !== null;
  }

  /** Has the caller any grant of this class at all (root fields, before rows exist)? */
  holds(dataClass: DataClass): boolean {
    return this.basisFor(dataClass) !== null;
  }

  /**
   * What lets the caller see `dataClass` on this row (or, without a row, anywhere): the class
   * is public, the row is its organisation's own, or the first agreement whose grant covers it;
   * null when nothing does. `allows` and `holds` are this test; explainAccess reports its answer.
   */
  basisFor(dataClass: DataClass, row?: RowScope): AccessBasis | null {
    if (dataClass === DataClass.PUBLIC) return PUBLIC_BASIS;
    const grants = this.grants.get(dataClass) ?? NO_GRANTS;
    // The grant itself, not a new object: allows and holds run this for every field served.
    if (!row) return grants[0] ?? null;
    const owner = this.identity.organizationId;
    if (owner && row.ownerOrganizationId === owner && OWNER_READABLE.has(dataClass)) return OWN_DATA_BASIS;
    return grants.find((g) => covers(g, row)) ?? null;
  }

  /** `allows`, and for restricted classes an audit record of the decision. */
  decide(dataClass: DataClass, row: RowScope | undefined, decision: Decision): boolean {
    const granted = row ? this.allows(dataClass, row) : this.holds(dataClass);
    // Reading the audit log is itself logged once per query, not once per field of every
    // audit row (which would grow the log with every read of it).
    const logged = RESTRICTED_CLASSES.has(dataClass) && (dataClass !== DataClass.AUDIT || decision.entityType === 'Query');
    if (logged) this.audit.record(this.identity, dataClass, decision, granted ? 'GRANTED' : 'DENIED');
    return granted;
  }

  /** Record that a value was served coarsened instead of denied. */
  recordCoarsened(dataClass: DataClass, decision: Decision): void {
    this.audit.record(this.identity, dataClass, decision, 'COARSENED');
  }

  /**
   * The SQL condition that keeps only rows this caller may see under `dataClass`: the same
   * rule as `allows`, applied in the loader so out-of-scope rows never leave the database.
   */
  sqlScope(dataClass: DataClass, columns: ScopeColumns): SQL {
    if (dataClass === DataClass.PUBLIC) return sql`true`;
    const alternatives: SQL[] = [];
    const owner = this.identity.organizationId;
    if (owner && columns.owner && OWNER_READABLE.has(dataClass)) alternatives.push(eq(columns.owner, owner));
    for (const grant of this.grants.get(dataClass) ?? []) {
      // An empty scope list covers nothing (never "all": that is what null means).
      if (grant.missionIds?.size === 0 || grant.areaPrefixes?.length === 0) continue;
      const parts: SQL[] = [providerSql(grant.provider, columns)];
      if (grant.missionIds) {
        if (!columns.mission) continue; // a mission-limited grant cannot cover rows without a mission
        parts.push(inArray(columns.mission, [...grant.missionIds]));
      }
      if (grant.areaPrefixes) {
        if (!columns.area) continue;
        const areaMatch = or(...grant.areaPrefixes.map((p) => like(columns.area!, `${p}%`)));
        if (areaMatch) parts.push(areaMatch);
      }
      alternatives.push(and(...parts)!);
    }
    return or(...alternatives) ?? sql`false`;
  }
}

export interface ScopeColumns {
  mission?: AnyColumn;
  area?: AnyColumn;
  owner?: AnyColumn;
  /** As RowScope.providedBy: 'mission' when the owner column names a reporter, not the data's provider. */
  providedBy?: 'mission' | 'owner';
}

/** Whose data a row is: its owner organisation, its mission, or nobody in particular. */
export type RowProvider = { organizationId: string } | { missionId: string } | null;

export function rowProviderOf(row: RowScope): RowProvider {
  if (row.providedBy !== 'mission' && row.ownerOrganizationId) return { organizationId: row.ownerOrganizationId };
  if (row.missionId) return { missionId: row.missionId };
  return null;
}

/** Does the grant's provider provide this row? (floors.ts: an agreement opens only its provider's data.) */
function providedBy(provider: Provider, row: RowScope): boolean {
  const of = rowProviderOf(row);
  switch (provider.kind) {
    case 'organization':
      return !!of && 'organizationId' in of && of.organizationId === provider.organizationId;
    case 'mission':
      return !!of && ('organizationId' in of ? of.organizationId === provider.organizationId : of.missionId === provider.missionId);
    case 'un-wide':
      return !of || 'missionId' in of;
    case 'platform':
    case 'custodian':
      return !of;
  }
}

/** `providedBy` in SQL, for the loaders. */
function providerSql(provider: Provider, columns: ScopeColumns): SQL {
  const owner = columns.providedBy !== 'mission' ? columns.owner : undefined;
  const unowned = owner ? isNull(owner) : sql`true`;
  switch (provider.kind) {
    case 'organization':
      return owner ? eq(owner, provider.organizationId) : sql`false`;
    case 'mission': {
      const missionRows = columns.mission ? and(unowned, eq(columns.mission, provider.missionId))! : sql`false`;
      return owner ? or(eq(owner, provider.organizationId), missionRows)! : missionRows;
    }
    case 'un-wide':
      return unowned;
    case 'platform':
    case 'custodian':
      return columns.mission ? and(unowned, isNull(columns.mission))! : unowned;
  }
}

function covers(grant: Grant, row: RowScope): boolean {
  if (!providedBy(grant.provider, row)) return false;
  if (grant.missionIds && !(row.missionId && grant.missionIds.has(row.missionId))) return false;
  if (grant.areaPrefixes && !(row.adminAreaPcode && grant.areaPrefixes.some((p) => row.adminAreaPcode!.startsWith(p)))) {
    return false;
  }
  return true;
}

const providerOrg = alias(organizations, 'provider_org');
const recipientOrg = alias(organizations, 'recipient_org');

/** Agreement rows with their provider's and recipient's directory entries. */
export function selectAgreements(db: Db) {
  return db
    .select({
      ...getTableColumns(agreements),
      providerType: providerOrg.type,
      providerAcronym: providerOrg.acronym,
      recipientType: sql<string | null>`coalesce(${recipientOrg.type}, ${agreements.recipientOrganizationType})`,
    })
    .from(agreements)
    .leftJoin(providerOrg, eq(providerOrg.id, agreements.provider))
    .leftJoin(recipientOrg, eq(recipientOrg.id, agreements.recipientOrganizationId));
}

/** Agreements in force now that name this caller (by organisation or type, and role). One statement. */
export async function loadAgreementsFor(db: Db, identity: Identity, now = new Date()): Promise<AgreementInForce[]> {
  const recipient = recipientCondition(identity);
  if (!recipient) return [];
  return selectAgreements(db).where(and(lte(agreements.validFrom, now), or(isNull(agreements.validUntil), gt(agreements.validUntil, now)), recipient));
}

/** Every ACTIVE agreement that names this caller, whatever its period (the agreement cache filters by time). */
export async function loadRecipientAgreements(db: Db, identity: Identity): Promise<AgreementInForce[]> {
  const recipient = recipientCondition(identity);
  return recipient ? selectAgreements(db).where(recipient) : [];
}

/** The rows of `rows` in force at `now`: the same test loadAgreementsFor makes in SQL. */
export function inForce<R extends AgreementRow>(rows: readonly R[], now = new Date()): R[] {
  return rows.filter((r) => r.status === 'ACTIVE' && r.validFrom <= now && (r.validUntil === null || r.validUntil > now));
}

/**
 * ACTIVE agreements naming this caller as the organisation directory knows it: its type is the
 * directory's, and a role counts only if the token claims it and the directory lists it for the
 * organisation. An organisation missing from the directory, and the public, are named by none.
 */
function recipientCondition(identity: Identity) {
  const org = identity.organizationId;
  if (!org) return undefined;
  const listed = sql`exists (select 1 from ${organizations} where ${organizations.id} = ${org})`;
  const directoryType = sql`(select ${organizations.type} from ${organizations} where ${organizations.id} = ${org})`;
  const recipient = or(eq(agreements.recipientOrganizationId, org), sql`${agreements.recipientOrganizationType} = ${directoryType}`);
  const roleListed = sql`exists (select 1 from ${organizationRoles} where ${organizationRoles.organizationId} = ${org} and ${organizationRoles.role} = ${agreements.recipientRole})`;
  const role = identity.roles.length
    ? or(isNull(agreements.recipientRole), and(inArray(agreements.recipientRole, identity.roles), roleListed))
    : isNull(agreements.recipientRole);
  return and(eq(agreements.status, 'ACTIVE'), listed, recipient, role);
}

/** The classes an agreement actually grants: known classes within the hard floors (floors.ts), even for a row written past the mutations. */
export function grantedClasses(row: AgreementInForce): DataClass[] {
  const provider = providerFrom(row.provider, row.providerType, row.providerAcronym);
  if (!provider) return []; // a provider missing from the directory grants nothing
  return row.dataClasses.filter(
    (cls): cls is DataClass =>
      (Object.values(DataClass) as string[]).includes(cls) && // unknown class grants nothing
      !floorViolation(cls as DataClass, { provider, recipientType: row.recipientType, recipientRole: row.recipientRole }),
  );
}

/** What a set of agreements in force grants one kind of caller: the same on every request until that set changes. */
interface CallerPolicy {
  /** Organisation, type and sorted roles: what, besides the rows, the grants and fingerprint depend on. */
  caller: string;
  grants: ReadonlyMap<DataClass, readonly Grant[]>;
  fingerprint: string;
}

/**
 * Keyed by the agreement rows themselves, and only for frozen arrays (the agreement cache hands
 * out one per caller while its in-force set is unchanged): an array that could still change is
 * never remembered, and any other array is worked out afresh.
 */
const policies = new WeakMap<readonly AgreementInForce[], CallerPolicy>();

export function accessFrom(identity: Identity, rows: readonly AgreementInForce[], audit: AuditLog): Access {
  const roles = [...identity.roles].sort();
  const caller = JSON.stringify([identity.organizationId, identity.organizationType, roles]);
  let policy = policies.get(rows);
  if (policy?.caller !== caller) {
    policy = policyFor(identity, roles, caller, rows);
    if (Object.isFrozen(rows)) policies.set(rows, policy);
  }
  return new Access(identity, policy.grants, policy.fingerprint, audit);
}

function policyFor(identity: Identity, sortedRoles: string[], caller: string, rows: readonly AgreementInForce[]): CallerPolicy {
  const grants = new Map<DataClass, Grant[]>();
  for (const row of rows) {
    const provider = providerFrom(row.provider, row.providerType, row.providerAcronym);
    if (!provider) continue;
    const grant: Grant = {
      kind: 'agreement',
      agreementId: row.id,
      provider,
      missionIds: row.missionIds ? new Set(row.missionIds) : null,
      areaPrefixes: row.adminAreaPcodes ?? null,
    };
    for (const cls of grantedClasses(row)) {
      const list = grants.get(cls) ?? [];
      list.push(grant);
      grants.set(cls, list);
    }
  }
  const versions = rows.map((r) => `${r.id}@${r.updatedAt.toISOString()}`).sort();
  const fingerprint = createHash('sha256')
    .update(JSON.stringify([identity.organizationId, identity.organizationType, sortedRoles, versions]))
    .digest('base64url');
  return { caller, grants, fingerprint };
}
