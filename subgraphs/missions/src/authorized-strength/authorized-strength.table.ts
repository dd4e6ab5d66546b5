import { integer, primaryKey, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/**
 * A personnel ceiling a resolution authorizes. Resolutions give totals ("10,000 military
 * personnel") and sometimes parts of them ("including 240 military observers"): a part
 * names the total it is included in, so totals are never counted twice.
 */
export const authorizedStrengths = missionsSchema.table(
  'authorized_strengths',
  {
    resolutionSymbol: text('resolution_symbol').notNull(),
    missionId: text('mission_id').notNull(),
    /** MandatedPersonnelType */
    personnelType: text('personnel_type').notNull(),
    ceiling: integer('ceiling').notNull(),
    /** The personnel type whose ceiling already contains this one, or null for a top-level ceiling. */
    includedIn: text('included_in'),
  },
  (t) => [primaryKey({ columns: [t.resolutionSymbol, t.personnelType] })],
);
export type AuthorizedStrengthRow = typeof authorizedStrengths.$inferSelect;
