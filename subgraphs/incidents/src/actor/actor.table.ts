import { sql } from 'drizzle-orm';
import { check, primaryKey, smallint, text } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';
import { incidents } from '../incident/incident.table';

/** ACLED actor1 / actor2 (and associated actors): group-level names, never individuals. */
export const incidentActors = incidentsSchema.table(
  'incident_actors',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    position: smallint('position').notNull(),
    name: text('name').notNull(),
    /** 1 = actor1's side, 2 = actor2's side. */
    side: smallint('side').notNull(),
    /** ACLED inter code 1–8. */
    interCode: smallint('inter_code').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.position] }),
    check('incident_actors_side_ck', sql`${t.side} in (1, 2)`),
    check('incident_actors_inter_ck', sql`${t.interCode} between 1 and 8`),
  ],
);
export type IncidentActorRow = typeof incidentActors.$inferSelect;
