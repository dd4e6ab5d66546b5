import { index, integer, text } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';
import { restrictedIncidentDetailColumns } from '../incident/incident.table';

/**
 * A named victim: VICTIM_IDENTITY. The incident's mission and area are copied onto the row
 * so the loader can scope it in SQL without a join.
 */
export const victims = incidentsSchema.table(
  'victims',
  {
    ...restrictedIncidentDetailColumns(),
    fullName: text('full_name').notNull(),
    /** FEMALE | MALE | UNKNOWN */
    sex: text('sex').notNull(),
    age: integer('age'),
    casualtyGroup: text('casualty_group').notNull(),
    outcome: text('outcome').notNull(),
  },
  (t) => [index('victims_incident_idx').on(t.incidentId)],
);
export type VictimRow = typeof victims.$inferSelect;
