import { sql } from 'drizzle-orm';
import { check, index, smallint, text, timestamp } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';
import { restrictedIncidentDetailColumns } from '../incident/incident.table';

/**
 * A report an incident rests on, graded on the NATO/Admiralty system: source reliability
 * A (completely reliable) – F (cannot be judged), information credibility 1 (confirmed) –
 * 6 (cannot be judged). SOURCE_IDENTITY: it can identify an informant.
 */
export const sourceReports = incidentsSchema.table(
  'source_reports',
  {
    ...restrictedIncidentDetailColumns(),
    /** HUMAN_SOURCE | MISSION_PATROL | UN_AGENCY | NGO | LOCAL_AUTHORITY | MEDIA | SOCIAL_MEDIA */
    sourceType: text('source_type').notNull(),
    sourceName: text('source_name').notNull(),
    reliability: text('reliability').notNull(),
    credibility: smallint('credibility').notNull(),
    content: text('content').notNull(),
    receivedAt: timestamp('received_at', { withTimezone: true, mode: 'date' }).notNull(),
    attachedBySubject: text('attached_by_subject').notNull(),
    attachedByOrganizationId: text('attached_by_organization_id'),
  },
  (t) => [
    index('source_reports_incident_idx').on(t.incidentId),
    check('source_reports_reliability_ck', sql`${t.reliability} in ('A', 'B', 'C', 'D', 'E', 'F')`),
    check('source_reports_credibility_ck', sql`${t.credibility} between 1 and 6`),
  ],
);
export type SourceReportRow = typeof sourceReports.$inferSelect;
