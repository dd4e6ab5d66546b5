import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { Identity } from '../identity';
import type { DataClass } from './data-class';
import type { Decision } from './access';
import { auditEvents, type NewAuditEvent } from './tables';

export type AuditDecision = 'GRANTED' | 'DENIED' | 'COARSENED';

/**
 * Restricted-data decisions of one request, buffered and written before the response is
 * sent: one INSERT per request (not one per row), so logging never multiplies round trips.
 * Decisions that differ only by entity are one event listing the entities: a read of 50
 * incidents' locations is one row naming 50 incidents, not 50 rows (what oversight can ask
 * is unchanged — who, when, which class, field, entity and decision).
 */
export class AuditLog {
  private readonly events: NewAuditEvent[] = [];
  /** Events not written yet, by everything but the entity; their entity lists still grow. */
  private pending = new Map<string, PendingEvent>();

  constructor(
    private readonly subgraph: string,
    private readonly operationName: () => string | null,
  ) {}

  record(identity: Identity, dataClass: DataClass, decision: Decision, outcome: AuditDecision): void {
    const pending = this.eventFor(identity, dataClass, decision.entityType, decision.field, outcome);
    if (decision.entityId !== null) pending.add(decision.entityId);
  }

  /** Every decision recorded in this request so far, written or not. */
  get decisions(): readonly NewAuditEvent[] {
    return this.events;
  }

  /**
   * Another caller's decisions, as this caller's: a read shared with a request of the same
   * scope (shared-reads.ts) made the same decisions, and each person is logged for it.
   */
  recordAs(identity: Identity, decisions: readonly NewAuditEvent[]): void {
    for (const e of decisions) {
      const pending = this.eventFor(identity, e.dataClass, e.entityType, e.field, e.decision);
      for (const id of e.entityIds ?? []) pending.add(id);
    }
  }

  /** The unwritten event these decisions belong to, made on first use. */
  private eventFor(identity: Identity, dataClass: string, entityType: string, field: string, decision: string): PendingEvent {
    const key = `${identity.subject}\n${identity.organizationId}\n${dataClass}\n${entityType}\n${field}\n${decision}`;
    let pending = this.pending.get(key);
    if (!pending) {
      pending = new PendingEvent({
        subject: identity.subject,
        organizationId: identity.organizationId,
        dataClass,
        entityType,
        entityIds: [],
        field,
        decision,
        operationName: this.operationName(),
        subgraph: this.subgraph,
      });
      this.pending.set(key, pending);
      this.events.push(pending.event);
    }
    return pending;
  }

  /** Writes what is not written yet; resolves once it is committed. Later decisions start new events. */
  async flush(db: Db): Promise<void> {
    if (this.pending.size === 0) return;
    const events = [...this.pending.values()].map((p) => p.event);
    this.pending = new Map();
    await writerFor(db).write(events);
  }
}

/**
 * What one answer disclosed, without who read it: the facts a response cache keeps with a
 * stored answer so that every caller it serves later is logged as if the subgraphs had
 * answered them (issue 15: every read of a restricted class is audited, cache hits included).
 * Subgraphs send them to the gateway in the response's `extensions` under this key when it
 * asks (AUDIT_FACTS_HEADER); the gateway removes them before anything reaches a client.
 */
export const AUDIT_EXTENSION = 'peacegraphAudit';
/** Sent by the gateway to ask for them (other callers, e.g. Hive Gateway, get answers without). */
export const AUDIT_FACTS_HEADER = 'x-peacegraph-audit-facts';

export type AuditFact = Pick<NewAuditEvent, 'dataClass' | 'entityType' | 'field' | 'decision' | 'operationName' | 'subgraph'> & { entityIds: string[] };

export function auditFactsOf(events: readonly NewAuditEvent[]): AuditFact[] {
  return events.map((e) => ({
    dataClass: e.dataClass,
    entityType: e.entityType,
    entityIds: [...(e.entityIds ?? [])],
    field: e.field,
    decision: e.decision,
    operationName: e.operationName ?? null,
    subgraph: e.subgraph,
  }));
}

/** Logs `facts` as read by `identity` now; resolves once committed (group commit as any flush). */
export async function recordAuditFacts(db: Db, identity: Identity, facts: readonly AuditFact[]): Promise<void> {
  if (facts.length === 0) return;
  await writerFor(db).write(facts.map((f) => ({ ...f, subject: identity.subject, organizationId: identity.organizationId })));
}

/** An event still being recorded: each entity is listed once, in the order it was decided. */
class PendingEvent {
  private readonly seen = new Set<string>();

  constructor(readonly event: NewAuditEvent & { entityIds: string[] }) {}

  add(entityId: string): void {
    if (this.seen.has(entityId)) return;
    this.seen.add(entityId);
    this.event.entityIds.push(entityId);
  }
}

const writers = new WeakMap<Db, AuditWriter>();

function writerFor(db: Db): AuditWriter {
  let writer = writers.get(db);
  if (!writer) writers.set(db, (writer = new AuditWriter(db)));
  return writer;
}

/**
 * Group commit: while one INSERT is running, the rows of requests that flush meanwhile wait
 * and go together in the next one. A lone request writes at once; under load the log costs
 * one statement per batch instead of one per request. Each flush still resolves only once
 * its own rows are committed (or rejects with the batch's error).
 */
class AuditWriter {
  private queued: NewAuditEvent[] = [];
  private waiting: { resolve: () => void; reject: (error: unknown) => void }[] = [];
  private writing = false;

  constructor(private readonly db: Db) {}

  write(rows: NewAuditEvent[]): Promise<void> {
    return new Promise((resolve, reject) => {
      this.queued.push(...rows);
      this.waiting.push({ resolve, reject });
      if (!this.writing) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.writing = true;
    while (this.queued.length > 0) {
      const rows = this.queued;
      const waiting = this.waiting;
      this.queued = [];
      this.waiting = [];
      try {
        await insertAuditRows(this.db, rows);
        for (const w of waiting) w.resolve();
      } catch (error) {
        for (const w of waiting) w.reject(error);
      }
    }
    this.writing = false;
  }
}

/** One statement whatever the number of rows: they travel as one JSON parameter. */
async function insertAuditRows(db: Db, rows: NewAuditEvent[]): Promise<void> {
  await db.execute(sql`
    insert into ${auditEvents} (subject, organization_id, data_class, entity_type, entity_ids, field, decision, operation_name, subgraph)
    select subject, "organizationId", "dataClass", "entityType", "entityIds", field, decision, "operationName", subgraph
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      subject text, "organizationId" text, "dataClass" text, "entityType" text, "entityIds" text[],
      field text, decision text, "operationName" text, subgraph text)`);
}
