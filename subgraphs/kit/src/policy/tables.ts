import { sql } from 'drizzle-orm';
import { bigserial, check, index, integer, jsonb, pgSchema, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/** Cross-cutting policy data, read by every subgraph: agreements and the audit log. */
export const policySchema = pgSchema('policy');

/**
 * The organisation directory the policy trusts: an organisation's type and the roles it has
 * defined come from here, never from a token's unchecked claims. A caller whose organisation
 * is not listed is named by no agreement; a role a token claims counts only if its
 * organisation lists it. Read by every subgraph (like the agreements), seeded from the catalogue.
 */
export const organizations = policySchema.table('organizations', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** mission | un-agency | un-secretariat | ingo | nngo | red-cross | government | donor | oversight | platform | custodian | other */
  type: text('type').notNull(),
  /** For missions: the mission id their rows carry (MINUSCA). */
  acronym: text('acronym'),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type OrganizationDirectoryRow = typeof organizations.$inferSelect;

export const organizationRoles = policySchema.table(
  'organization_roles',
  {
    organizationId: text('organization_id')
      .notNull()
      .references(() => organizations.id),
    role: text('role').notNull(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.role] })],
);

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
    /** REQUESTED | ACTIVE | REJECTED | REVOKED. EXPIRED is not stored: it is ACTIVE past valid_until. */
    status: text('status').notNull().default('ACTIVE'),
    /** Optimistic version: every change increments it; a change names the version it saw. */
    version: integer('version').notNull().default(1),
    requestedBySubject: text('requested_by_subject'),
    /** Moved by a trigger on every change, whoever makes it (cache keys use it). */
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
 * Append-only history of every agreement (a trigger refuses UPDATE and DELETE): each transition
 * and amendment with who, when, why, and the agreement before and after. The `before` of an
 * amendment keeps the old version readable.
 */
export const agreementHistory = policySchema.table(
  'agreement_history',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    agreementId: text('agreement_id').notNull(),
    /** The version the change produced. */
    version: integer('version').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
    /** seeded | requested | approved | rejected | amended | revoked */
    action: text('action').notNull(),
    actorSubject: text('actor_subject').notNull(),
    actorOrganizationId: text('actor_organization_id'),
    reason: text('reason'),
    before: jsonb('before'),
    after: jsonb('after').notNull(),
  },
  (t) => [index('agreement_history_agreement_idx').on(t.agreementId, t.id)],
);
export type AgreementHistoryRow = typeof agreementHistory.$inferSelect;

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
