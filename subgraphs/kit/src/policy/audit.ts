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
 */
export class AuditLog {
  private readonly rows: NewAuditEvent[] = [];
  private written = 0;

  constructor(
    private readonly subgraph: string,
    private readonly operationName: () => string | null,
  ) {}

  record(identity: Identity, dataClass: DataClass, decision: Decision, outcome: AuditDecision): void {
    this.rows.push({
      subject: identity.subject,
      organizationId: identity.organizationId,
      dataClass,
      entityType: decision.entityType,
      entityId: decision.entityId,
      field: decision.field,
      decision: outcome,
      operationName: this.operationName(),
      subgraph: this.subgraph,
    });
  }

  /** Every decision recorded in this request so far, written or not. */
  get decisions(): readonly NewAuditEvent[] {
    return this.rows;
  }

  /**
   * Another caller's decisions, as this caller's: a read shared with a request of the same
   * scope (shared-reads.ts) made the same decisions, and each person is logged for it.
   */
  recordAs(identity: Identity, decisions: readonly NewAuditEvent[]): void {
    for (const row of decisions) this.rows.push({ ...row, subject: identity.subject, organizationId: identity.organizationId });
  }

  /** Writes what is not written yet; resolves once it is committed. */
  async flush(db: Db): Promise<void> {
    const rows = this.rows.slice(this.written);
    this.written = this.rows.length;
    if (rows.length === 0) return;
    await writerFor(db).write(rows);
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
    insert into ${auditEvents} (subject, organization_id, data_class, entity_type, entity_id, field, decision, operation_name, subgraph)
    select subject, "organizationId", "dataClass", "entityType", "entityId", field, decision, "operationName", subgraph
    from json_to_recordset(${JSON.stringify(rows)}::json) as r(
      subject text, "organizationId" text, "dataClass" text, "entityType" text, "entityId" text,
      field text, decision text, "operationName" text, subgraph text)`);
}
