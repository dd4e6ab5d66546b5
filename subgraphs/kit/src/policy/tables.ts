import { sql } from 'drizzle-orm';
import { bigserial, check, index, pgSchema, text, timestamp } from 'drizzle-orm/pg-core';

/** Cross-cutting policy data, read by every subgraph: agreements and the audit log. */
export const policySchema = pgSchema('policy');

/**
 * A data-sharing agreement: the provider lets the recipient (one organisation, or every
 * organisation of a type, optionally only holders of a role) see these data classes within
 * this scope, for this period. Null scope lists mean "all".
 */
export const agreements = policySchema.table(
  'agreements',
  {
    id: text('id').primaryKey(),
    provider: text('provider').notNull(),
    recipientOrganizationId: text('recipient_organization_id'),
    recipientOrganizationType: text('recipient_organization_type'),
    recipientRole: text('recipient_role'),
    dataClasses: text('data_classes').array().notNull(),
    missionIds: text('mission_ids').array(),
    adminAreaPcodes: text('admin_area_pcodes').array(),
    validFrom: timestamp('valid_from', { withTimezone: true }).notNull(),
    validUntil: timestamp('valid_until', { withTimezone: true }),
    purpose: text('purpose').notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'agreements_recipient_named',
      sql`${t.recipientOrganizationId} is not null or ${t.recipientOrganizationType} is not null`,
    ),
  ],
);
export type AgreementRow = typeof agreements.$inferSelect;

/**
 * Append-only (a trigger refuses UPDATE and DELETE): who saw or was refused which restricted
 * data. One row per request, person, class, entity type, field and decision, listing every
 * entity it covered: a read of 50 incidents' locations is one event naming 50 incidents.
 */
export const auditEvents = policySchema.table(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    subject: text('subject').notNull(),
    organizationId: text('organization_id'),
    dataClass: text('data_class').notNull(),
    entityType: text('entity_type').notNull(),
    /** The entities the decision covered; empty when it was not about a particular entity. */
    entityIds: text('entity_ids').array().notNull().default(sql`'{}'::text[]`),
    field: text('field').notNull(),
    decision: text('decision').notNull(),
    operationName: text('operation_name'),
    subgraph: text('subgraph').notNull(),
  },
  (t) => [index('audit_events_at_idx').on(t.at), index('audit_events_org_idx').on(t.organizationId, t.at)],
);
export type AuditEventRow = typeof auditEvents.$inferSelect;
export type NewAuditEvent = typeof auditEvents.$inferInsert;
