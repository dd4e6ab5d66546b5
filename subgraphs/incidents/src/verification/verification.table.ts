import { integer, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';
import { incidents } from '../incident/incident.table';

/**
 * Every verification transition: who, when, why. The key (incident, version) means two
 * transitions can never both claim the same version, even past the optimistic check.
 */
export const verificationTransitions = incidentsSchema.table(
  'verification_transitions',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** The incident's version after this transition (1 = as reported). */
    version: integer('version').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    bySubject: text('by_subject').notNull(),
    byOrganizationId: text('by_organization_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.version] })],
);
export type VerificationTransitionRow = typeof verificationTransitions.$inferSelect;
