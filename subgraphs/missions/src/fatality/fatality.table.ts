import { date, index, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** One UN peacekeeper fatality, as published by the Department of Peace Operations. */
export const fatalities = missionsSchema.table(
  'fatalities',
  {
    casualtyId: text('casualty_id').primaryKey(),
    incidentDate: date('incident_date').notNull(),
    missionId: text('mission_id').notNull(),
    personnelType: text('personnel_type').notNull(),
    nationality: text('nationality').notNull(),
    nationalityIso3: text('nationality_iso3'),
    /** MALICIOUS_ACT | ACCIDENT | ILLNESS | SELF_INFLICTED | OTHER */
    incidentType: text('incident_type').notNull(),
    gender: text('gender'),
  },
  (t) => [index('fatalities_mission_idx').on(t.missionId, t.incidentDate)],
);
export type FatalityRow = typeof fatalities.$inferSelect;
