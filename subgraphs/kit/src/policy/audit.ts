import { sql } from 'drizzle-orm';
import type { Db } from '../db';
import type { Identity } from '../identity';
import type { DataClass } from './data-class';
import type { Decision } from './access';
import { auditEvents, type NewAuditEvent } from './tables';

export type AuditDecision = 'GRANTED' | 'DENIED' | 'COARSENED';

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

  /** One statement whatever the number of decisions: the rows travel as one JSON parameter. */
  async flush(db: Db): Promise<void> {
    const rows = this.pending;
    this.pending = [];
    if (rows.length === 0) return;
    await db.execute(sql`
      insert into ${auditEvents} (subject, organization_id, data_class, entity_type, entity_id, field, decision, operation_name, subgraph)
      select subject, "organizationId", "dataClass", "entityType", "entityId", field, decision, "operationName", subgraph
      from json_to_recordset(${JSON.stringify(rows)}::json) as r(
        subject text, "organizationId" text, "dataClass" text, "entityType" text, "entityId" text,
        field text, decision text, "operationName" text, subgraph text)`);
  }
}
