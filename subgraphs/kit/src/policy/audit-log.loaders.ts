import { and, arrayContains, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Db } from '../db';
import { auditEvents, type AuditEventRow } from './tables';

/** What an audit query asks for, already validated (times parsed, cursor read). */
export interface AuditEventQuery {
  organizationId?: string | null;
  dataClass?: string | null;
  decision?: string | null;
  entityType?: string | null;
  entityId?: string | null;
  from?: Date | null;
  to?: Date | null;
  /** Keyset cursor: only events older than this id. */
  beforeId?: number | null;
}

/** Up to `limit` audit events, newest first, matching every condition given. */
export function listAuditEvents(db: Db, query: AuditEventQuery, limit: number): Promise<AuditEventRow[]> {
  const conditions: SQL[] = [];
  if (query.organizationId) conditions.push(eq(auditEvents.organizationId, query.organizationId));
  if (query.dataClass) conditions.push(eq(auditEvents.dataClass, query.dataClass));
  if (query.decision) conditions.push(eq(auditEvents.decision, query.decision));
  if (query.entityType) conditions.push(eq(auditEvents.entityType, query.entityType));
  if (query.entityId) conditions.push(arrayContains(auditEvents.entityIds, [query.entityId]));
  if (query.from) conditions.push(gte(auditEvents.at, query.from));
  if (query.to) conditions.push(lte(auditEvents.at, query.to));
  if (query.beforeId !== null && query.beforeId !== undefined) conditions.push(lt(auditEvents.id, query.beforeId));
  return db
    .select()
    .from(auditEvents)
    .where(and(...conditions))
    .orderBy(desc(auditEvents.id))
    .limit(limit);
}
