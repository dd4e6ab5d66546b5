import { and, eq, gt, inArray, isNull, like, lte, or, sql, type AnyColumn, type SQL } from 'drizzle-orm';
import { createHash } from 'node:crypto';
import type { Db } from '../db';
import type { Identity } from '../identity';
import { DataClass, RESTRICTED_CLASSES } from './data-class';
import { agreements, type AgreementRow } from './tables';
import type { AuditLog } from './audit';

/** Where one row sits: the keys agreements are scoped by. */
export interface RowScope {
  missionId?: string | null;
  adminAreaPcode?: string | null;
  ownerOrganizationId?: string | null;
}

/** One agreement's grant of one class: null lists mean "all". */
export interface Grant {
  agreementId: string;
  missionIds: ReadonlySet<string> | null;
  areaPrefixes: readonly string[] | null;
}

/**
 * An organisation always sees these classes on rows it owns (its own 3W rows, its own
 * escort routes, its own confidential pledges) — and never victim, source or perpetrator
 * identities just because it owns something.
 */
const OWNER_READABLE: ReadonlySet<DataClass> = new Set([
  DataClass.PARTNER,
  DataClass.PRECISE_LOCATION,
  DataClass.DONOR_CONFIDENTIAL,
  DataClass.SECURITY_OPERATIONS,
]);

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
  readonly fingerprint: string;

  constructor(
    readonly identity: Identity,
    private readonly grants: ReadonlyMap<DataClass, readonly Grant[]>,
    agreementVersions: readonly string[],
    readonly audit: AuditLog,
  ) {
    this.fingerprint = createHash('sha256')
      .update(JSON.stringify([identity.organizationId, identity.organizationType, [...identity.roles].sort(), agreementVersions]))
      .digest('base64url');
  }

  /** Does any grant of `dataClass` cover this row? PUBLIC always does. */
  allows(dataClass: DataClass, row: RowScope = {}): boolean {
    if (dataClass === DataClass.PUBLIC) return true;
    const owner = this.identity.organizationId;
    if (owner && row.ownerOrganizationId === owner && OWNER_READABLE.has(dataClass)) return true;
    return (this.grants.get(dataClass) ?? []).some((grant) => covers(grant, row));
  }

  /** Has the caller any grant of this class at all (root fields, before rows exist)? */
  holds(dataClass: DataClass): boolean {
    return dataClass === DataClass.PUBLIC || (this.grants.get(dataClass)?.length ?? 0) > 0;
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
  sqlScope(dataClass: DataClass, columns: { mission?: AnyColumn; area?: AnyColumn; owner?: AnyColumn }): SQL {
    if (dataClass === DataClass.PUBLIC) return sql`true`;
    const alternatives: SQL[] = [];
    const owner = this.identity.organizationId;
    if (owner && columns.owner && OWNER_READABLE.has(dataClass)) alternatives.push(eq(columns.owner, owner));
    for (const grant of this.grants.get(dataClass) ?? []) {
      // An empty scope list covers nothing (never "all": that is what null means).
      if (grant.missionIds?.size === 0 || grant.areaPrefixes?.length === 0) continue;
      const parts: SQL[] = [];
      if (grant.missionIds) {
        if (!columns.mission) continue; // a mission-limited grant cannot cover rows without a mission
        parts.push(inArray(columns.mission, [...grant.missionIds]));
      }
      if (grant.areaPrefixes) {
        if (!columns.area) continue;
        const areaMatch = or(...grant.areaPrefixes.map((p) => like(columns.area!, `${p}%`)));
        if (areaMatch) parts.push(areaMatch);
      }
      if (parts.length === 0) return sql`true`;
      alternatives.push(and(...parts)!);
    }
    return or(...alternatives) ?? sql`false`;
  }
}

function covers(grant: Grant, row: RowScope): boolean {
  if (grant.missionIds && !(row.missionId && grant.missionIds.has(row.missionId))) return false;
  if (grant.areaPrefixes && !(row.adminAreaPcode && grant.areaPrefixes.some((p) => row.adminAreaPcode!.startsWith(p)))) {
    return false;
  }
  return true;
}

/** Agreements in force now that name this caller (by organisation or type, and role). One statement. */
export async function loadAgreementsFor(db: Db, identity: Identity, now = new Date()): Promise<AgreementRow[]> {
  const recipient = recipientCondition(identity);
  if (!recipient) return [];
  return db
    .select()
    .from(agreements)
    .where(and(lte(agreements.validFrom, now), or(isNull(agreements.validUntil), gt(agreements.validUntil, now)), recipient));
}

/** Every agreement that names this caller, whatever its period (the agreement cache filters by time). */
export async function loadRecipientAgreements(db: Db, identity: Identity): Promise<AgreementRow[]> {
  const recipient = recipientCondition(identity);
  return recipient ? db.select().from(agreements).where(recipient) : [];
}

/** The rows of `rows` in force at `now`: the same test loadAgreementsFor makes in SQL. */
export function inForce(rows: readonly AgreementRow[], now = new Date()): AgreementRow[] {
  return rows.filter((r) => r.validFrom <= now && (r.validUntil === null || r.validUntil > now));
}

/** The public (no organisation, no type) is named by no agreement. */
function recipientCondition(identity: Identity) {
  if (!identity.organizationId && !identity.organizationType) return undefined;
  const recipient = or(
    identity.organizationId ? eq(agreements.recipientOrganizationId, identity.organizationId) : undefined,
    identity.organizationType ? eq(agreements.recipientOrganizationType, identity.organizationType) : undefined,
  );
  const role = identity.roles.length
    ? or(isNull(agreements.recipientRole), inArray(agreements.recipientRole, identity.roles))
    : isNull(agreements.recipientRole);
  return and(recipient, role);
}

export function accessFrom(identity: Identity, rows: readonly AgreementRow[], audit: AuditLog): Access {
  const grants = new Map<DataClass, Grant[]>();
  for (const row of rows) {
    const grant: Grant = {
      agreementId: row.id,
      missionIds: row.missionIds ? new Set(row.missionIds) : null,
      areaPrefixes: row.adminAreaPcodes ?? null,
    };
    for (const cls of row.dataClasses) {
      if (!(Object.values(DataClass) as string[]).includes(cls)) continue; // unknown class grants nothing
      const list = grants.get(cls as DataClass) ?? [];
      list.push(grant);
      grants.set(cls as DataClass, list);
    }
  }
  const versions = rows.map((r) => `${r.id}@${r.updatedAt.toISOString()}`).sort();
  return new Access(identity, grants, versions, audit);
}
