import type { Db } from '../db';
import type { Identity } from '../identity';
import type { DataClass } from './data-class';
import type { Decision } from './access';
import { auditEvents, type NewAuditEvent } from './tables';

export type AuditDecision = 'GRANTED' | 'DENIED' | 'COARSENED';

/** Rows per INSERT: 10 columns each keeps every statement far below Postgres' 65 535 parameters. */
const ROWS_PER_INSERT = 2000;

/**
 * Restricted-data decisions of one request, buffered and written when the response is
 * sent: one INSERT per request (not one per row), so logging never multiplies round trips.
 */
export class AuditLog {
  private pending: NewAuditEvent[] = [];

  constructor(
    private readonly subgraph: string,
    private readonly operationName: () => string | null,
  ) {}

  record(identity: Identity, dataClass: DataClass, decision: Decision, outcome: AuditDecision): void {
    this.pending.push({
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

  get size(): number {
    return this.pending.length;
  }

  async flush(db: Db): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) {
      await db.insert(auditEvents).values(rows.slice(i, i + ROWS_PER_INSERT));
    }
  }
}
