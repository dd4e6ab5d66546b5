import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, numeric, text } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/** A UN trust fund receiving voluntary contributions (outside assessed budgets). */
export const trustFunds = financeSchema.table('trust_funds', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  purpose: text('purpose').notNull(),
  administeredBy: text('administered_by').notNull(),
  /** Mission it supports, when there is one. */
  missionId: text('mission_id'),
  source: text('source').notNull(),
});
export type TrustFundRow = typeof trustFunds.$inferSelect;

/** A voluntary contribution to a trust fund or a mission, in cash or in kind. */
export const voluntaryContributions = financeSchema.table(
  'voluntary_contributions',
  {
    id: text('id').primaryKey(),
    trustFundId: text('trust_fund_id'),
    missionId: text('mission_id'),
    donorOrganizationId: text('donor_organization_id').notNull(),
    /** CASH | IN_KIND */
    kind: text('kind').notNull(),
    /** Cash amount, or the declared value of an in-kind contribution. */
    amount: numeric('amount', { precision: 18, scale: 3 }).notNull(),
    currency: char('currency', { length: 3 }).notNull(),
    inKindDescription: text('in_kind_description'),
    purpose: text('purpose').notNull(),
    /** UNEARMARKED | SOFTLY_EARMARKED | EARMARKED */
    earmarking: text('earmarking').notNull(),
    receivedOn: date('received_on').notNull(),
    confidential: boolean('confidential').notNull(),
    origin: text('origin').notNull(),
  },
  (t) => [
    check('voluntary_contributions_kind', sql`${t.kind} in ('CASH', 'IN_KIND')`),
    check('voluntary_contributions_earmarking', sql`${t.earmarking} in ('UNEARMARKED', 'SOFTLY_EARMARKED', 'EARMARKED')`),
    index('voluntary_contributions_fund_idx').on(t.trustFundId),
    index('voluntary_contributions_donor_idx').on(t.donorOrganizationId),
  ],
);
export type VoluntaryContributionRow = typeof voluntaryContributions.$inferSelect;
