import { date, index, integer, numeric, primaryKey, text } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * A humanitarian response plan or appeal, as FTS publishes it (requirements_funding files).
 * `reportedFundingUsd` / `reportedPercentFunded` are FTS's own published figures; the graph
 * computes funding from the flows as well (plan.resolver.ts).
 */
export const plans = financeSchema.table(
  'plans',
  {
    /** FTS plan id. */
    id: integer('id').primaryKey(),
    code: text('code').notNull(),
    name: text('name').notNull(),
    typeId: integer('type_id'),
    typeName: text('type_name'),
    countryIso3: text('country_iso3').array().notNull(),
    year: integer('year').notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    requirementsUsd: numeric('requirements_usd', { precision: 18, scale: 2 }),
    reportedFundingUsd: numeric('reported_funding_usd', { precision: 18, scale: 2 }),
    reportedPercentFunded: integer('reported_percent_funded'),
    source: text('source').notNull(),
  },
  (t) => [index('plans_code_idx').on(t.code)],
);
export type PlanRow = typeof plans.$inferSelect;

/** Requirements and funding of one cluster (sector) of a plan, as FTS publishes them. */
export const planClusters = financeSchema.table(
  'plan_clusters',
  {
    planId: integer('plan_id').notNull(),
    /** FTS cluster name; "Not specified" and "Multiple clusters/sectors (shared)" have no code. */
    cluster: text('cluster').notNull(),
    clusterCode: integer('cluster_code'),
    requirementsUsd: numeric('requirements_usd', { precision: 18, scale: 2 }),
    reportedFundingUsd: numeric('reported_funding_usd', { precision: 18, scale: 2 }),
    reportedPercentFunded: integer('reported_percent_funded'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.cluster] })],
);
export type PlanClusterRow = typeof planClusters.$inferSelect;

/** Funding FTS records for a country and year that is not against any plan ("Not specified"). */
export const fundingOutsidePlans = financeSchema.table(
  'funding_outside_plans',
  {
    countryIso3: text('country_iso3').notNull(),
    year: integer('year').notNull(),
    fundingUsd: numeric('funding_usd', { precision: 18, scale: 2 }).notNull(),
    source: text('source').notNull(),
  },
  (t) => [primaryKey({ columns: [t.countryIso3, t.year] })],
);
export type FundingOutsidePlansRow = typeof fundingOutsidePlans.$inferSelect;
