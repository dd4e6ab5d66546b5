import { sql } from 'drizzle-orm';
import { check, integer, primaryKey, text } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';
import { incidents } from '../incident/incident.table';

/** Casualties of one incident by group × outcome; sex and age only where known (null = unknown). */
export const casualtyCounts = incidentsSchema.table(
  'casualty_counts',
  {
    incidentId: text('incident_id')
      .notNull()
      .references(() => incidents.id, { onDelete: 'cascade' }),
    /** CIVILIAN | PEACEKEEPER | AID_WORKER | COMBATANT | UNKNOWN */
    casualtyGroup: text('casualty_group').notNull(),
    /** KILLED | INJURED | ABDUCTED */
    outcome: text('outcome').notNull(),
    total: integer('total').notNull(),
    female: integer('female'),
    male: integer('male'),
    children: integer('children'),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.casualtyGroup, t.outcome] }),
    check('casualty_counts_total_ck', sql`${t.total} >= 0`),
    check('casualty_counts_sex_ck', sql`coalesce(${t.female}, 0) + coalesce(${t.male}, 0) <= ${t.total}`),
    check('casualty_counts_children_ck', sql`coalesce(${t.children}, 0) <= ${t.total}`),
  ],
);
export type CasualtyCountRow = typeof casualtyCounts.$inferSelect;
