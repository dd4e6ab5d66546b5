import { date, index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/**
 * A Security Council resolution that sets or renews a mission's mandate. The symbol is the
 * UN document symbol, e.g. `S/RES/2709 (2023)`: unique and readable, so it is the key.
 */
export const securityCouncilResolutions = missionsSchema.table(
  'security_council_resolutions',
  {
    symbol: text('symbol').primaryKey(),
    /** The resolution number (2709) and the year in the symbol (2023). */
    number: integer('number').notNull(),
    year: integer('year').notNull(),
    missionId: text('mission_id').notNull(),
    adoptedOn: date('adopted_on').notNull(),
    /** The last day of the mandate this resolution grants; null when it terminates the mandate. */
    mandateExpiresOn: date('mandate_expires_on'),
    /** ESTABLISHMENT | RENEWAL | ADJUSTMENT | TERMINATION */
    kind: text('kind').notNull(),
    /** Recorded votes; null where we do not know them for certain. */
    votesInFavour: integer('votes_in_favour'),
    votesAgainst: integer('votes_against'),
    abstentions: integer('abstentions'),
    summary: text('summary').notNull(),
    /** 'curated' (reference catalogue), 'recorded' (through the recordResolution mutation). */
    source: text('source').notNull(),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('resolutions_mission_idx').on(t.missionId, t.adoptedOn)],
);
export type SecurityCouncilResolutionRow = typeof securityCouncilResolutions.$inferSelect;
