import { index, text } from 'drizzle-orm/pg-core';
import { incidentsSchema } from '../schema';
import { restrictedIncidentDetailColumns } from '../incident/incident.table';

/** Who is alleged to have done it, down to unit or person: PERPETRATOR_IDENTITY. */
export const perpetratorAttributions = incidentsSchema.table(
  'perpetrator_attributions',
  {
    ...restrictedIncidentDetailColumns(),
    actorName: text('actor_name').notNull(),
    /** A unit, commander or individual named by the sources. */
    identifiedAs: text('identified_as'),
    /** ALLEGED | PROBABLE | CONFIRMED */
    confidence: text('confidence').notNull(),
    basis: text('basis'),
  },
  (t) => [index('perpetrator_attributions_incident_idx').on(t.incidentId)],
);
export type PerpetratorAttributionRow = typeof perpetratorAttributions.$inferSelect;
