import { bigserial, index, text, timestamp, type PgSchema } from 'drizzle-orm/pg-core';

/** The channel every outbox NOTIFYs on (payload: the schema's name); gateways LISTEN to it. */
export const OUTBOX_CHANNEL = 'peacegraph_events';

/**
 * A subgraph's transactional outbox: one row per change a subscriber may be told about,
 * written by a trigger in the same transaction as the change (so a row exists if and only if
 * the change committed) — see migrations/incidents/0002_outbox.sql, migrations/humanitarian/0001_outbox.sql. A row carries keys only
 * (the entity's id and the attributes subscription filters match on); what a subscriber may
 * see of the entity is resolved through the graph, with the subscriber's identity.
 */
export function outboxTable(schema: PgSchema) {
  return schema.table(
    'outbox',
    {
      id: bigserial('id', { mode: 'number' }).primaryKey(),
      /** The subscription field it feeds: incidentReported, escortRequestChanged, … */
      topic: text('topic').notNull(),
      entityId: text('entity_id').notNull(),
      missionId: text('mission_id'),
      adminAreaPcode: text('admin_area_pcode'),
      admin1Pcode: text('admin1_pcode'),
      /** Incidents: the ACLED event type; access constraints: the category; escorts: the new status. */
      kind: text('kind'),
      /** The organisation the entity belongs to (requester, reporter). */
      organizationId: text('organization_id'),
      createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    },
    (t) => [index('outbox_topic_idx').on(t.topic, t.id), index('outbox_created_idx').on(t.createdAt)],
  );
}
export type OutboxTable = ReturnType<typeof outboxTable>;
export type OutboxRow = OutboxTable['$inferSelect'];
