import { and, asc, eq, inArray, or, sql, type SQL } from 'drizzle-orm';
import {
  agreementHistory,
  agreements,
  DataClass,
  directoryCaller,
  type AgreementRow,
  type AgreementSnapshot,
  type Db,
  type DirectoryCaller,
} from '@peacegraph/kit';
import type { MissionsContext } from '../loaders';
import type { AgreementFilter } from './agreement.inputs';
import { AgreementParty } from './agreement.inputs';
import { Agreement, AgreementStatus, type AgreementHistoryEntry, type AgreementTerms } from './agreement.type';

export function effectiveStatus(row: Pick<AgreementRow, 'status' | 'validUntil'>, now = new Date()): AgreementStatus {
  if (row.status === 'ACTIVE' && row.validUntil && row.validUntil <= now) return AgreementStatus.EXPIRED;
  return row.status as AgreementStatus;
}

function termsOut(s: AgreementSnapshot): AgreementTerms {
  return { ...s };
}

/**
 * Which agreements a caller may read: oversight (AUDIT) every one; an organisation those it
 * provides and those that name it (by id, or by its directory type); the public none.
 */
function visibleTo(ctx: MissionsContext, caller: DirectoryCaller | null): SQL {
  if (ctx.access.holds(DataClass.AUDIT)) return sql`true`;
  if (!caller) return sql`false`;
  const org = caller.organization;
  return or(eq(agreements.provider, org.id), eq(agreements.recipientOrganizationId, org.id), eq(agreements.recipientOrganizationType, org.type))!;
}

async function withHistory(db: Db, rows: AgreementRow[], now = new Date()): Promise<Agreement[]> {
  if (rows.length === 0) return [];
  const history = await db
    .select()
    .from(agreementHistory)
    .where(inArray(agreementHistory.agreementId, rows.map((r) => r.id)))
    .orderBy(asc(agreementHistory.id));
  return rows.map((row) => {
    const status = effectiveStatus(row, now);
    const entries: AgreementHistoryEntry[] = history
      .filter((h) => h.agreementId === row.id)
      .map((h) => ({
        version: h.version,
        at: h.at.toISOString(),
        action: h.action,
        actorSubject: h.actorSubject,
        actorOrganizationId: h.actorOrganizationId,
        reason: h.reason,
        before: h.before ? termsOut(h.before as AgreementSnapshot) : null,
        after: termsOut(h.after as AgreementSnapshot),
      }));
    return {
      id: row.id,
      provider: row.provider,
      recipientOrganizationId: row.recipientOrganizationId,
      recipientOrganizationType: row.recipientOrganizationType,
      recipientRole: row.recipientRole,
      dataClasses: row.dataClasses,
      missionIds: row.missionIds,
      adminAreaPcodes: row.adminAreaPcodes,
      purpose: row.purpose,
      validFrom: row.validFrom.toISOString(),
      validUntil: row.validUntil?.toISOString() ?? null,
      status: row.status,
      effectiveStatus: status,
      inForce: status === AgreementStatus.ACTIVE && row.validFrom <= now,
      version: row.version,
      requestedBySubject: row.requestedBySubject,
      updatedAt: row.updatedAt.toISOString(),
      history: entries,
    };
  });
}

/** One agreement as the caller may read it (after a change they made, they are its party). */
export async function agreementOut(ctx: MissionsContext, id: string): Promise<Agreement> {
  const caller = await directoryCaller(ctx.db, ctx.identity);
  const rows = await ctx.db.select().from(agreements).where(and(eq(agreements.id, id), visibleTo(ctx, caller)));
  return (await withHistory(ctx.db, rows))[0]!;
}

export async function listAgreements(ctx: MissionsContext, filter: AgreementFilter | null | undefined): Promise<Agreement[]> {
  const caller = await directoryCaller(ctx.db, ctx.identity);
  const conditions: (SQL | undefined)[] = [visibleTo(ctx, caller)];
  const org = caller?.organization.id ?? '';
  if (filter?.party === AgreementParty.PROVIDER) conditions.push(eq(agreements.provider, org));
  if (filter?.party === AgreementParty.RECIPIENT) {
    conditions.push(or(eq(agreements.recipientOrganizationId, org), eq(agreements.recipientOrganizationType, caller?.organization.type ?? '')));
  }
  if (filter?.provider) conditions.push(eq(agreements.provider, filter.provider));
  if (filter?.recipientOrganizationId) conditions.push(eq(agreements.recipientOrganizationId, filter.recipientOrganizationId));
  const rows = await ctx.db.select().from(agreements).where(and(...conditions)).orderBy(asc(agreements.id));
  const all = await withHistory(ctx.db, rows);
  return filter?.status ? all.filter((a) => a.effectiveStatus === filter.status!.toUpperCase()) : all;
}
