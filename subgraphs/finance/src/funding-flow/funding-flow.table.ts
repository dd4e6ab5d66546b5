import { sql } from 'drizzle-orm';
import { boolean, char, check, date, index, integer, numeric, text, timestamp } from 'drizzle-orm/pg-core';
import { financeSchema } from '../schema';

/**
 * One humanitarian funding flow, OCHA FTS-compatible (column names follow the FTS flow
 * export). Imported flows keep their FTS id (`FTS-228238`); flows recorded through the
 * mutations get `PG-<uuid>`. Money: `amountUsd` and `originalAmount` are exact; the exchange
 * rate is FTS's (units of original currency per USD) with the date it applies to.
 */
export const fundingFlows = financeSchema.table(
  'funding_flows',
  {
    id: text('id').primaryKey(),
    ftsId: integer('fts_id').unique(),
    /** 'fts:<file>' for imported flows, 'recorded' for flows written through the graph. */
    origin: text('origin').notNull(),
    flowDate: date('flow_date'),
    budgetYear: integer('budget_year'),
    description: text('description'),
    amountUsd: numeric('amount_usd', { precision: 18, scale: 2 }).notNull(),
    originalAmount: numeric('original_amount', { precision: 18, scale: 3 }),
    originalCurrency: char('original_currency', { length: 3 }),
    exchangeRate: numeric('exchange_rate', { precision: 18, scale: 6 }),
    exchangeRateDate: date('exchange_rate_date'),
    sourceOrganizationName: text('source_organization_name'),
    /** Catalogue id where the FTS name matches one; owner of the row for DONOR_CONFIDENTIAL. */
    sourceOrganizationId: text('source_organization_id'),
    sourceOrganizationTypes: text('source_organization_types'),
    sourceLocations: text('source_locations').array(),
    sourceUsageYearStart: integer('source_usage_year_start'),
    sourceUsageYearEnd: integer('source_usage_year_end'),
    destinationPlanId: integer('destination_plan_id'),
    destinationPlanCode: text('destination_plan_code'),
    destinationPlanName: text('destination_plan_name'),
    destinationOrganizationName: text('destination_organization_name'),
    destinationOrganizationId: text('destination_organization_id'),
    destinationOrganizationTypes: text('destination_organization_types'),
    destinationGlobalClusters: text('destination_global_clusters').array().notNull(),
    destinationLocations: text('destination_locations').array().notNull(),
    destinationProject: text('destination_project'),
    destinationProjectCode: text('destination_project_code'),
    destinationEmergency: text('destination_emergency'),
    destinationUsageYearStart: integer('destination_usage_year_start'),
    destinationUsageYearEnd: integer('destination_usage_year_end'),
    /** financial | in kind */
    contributionType: text('contribution_type').notNull(),
    /** Standard | Parked | Pass through | Carryover */
    flowType: text('flow_type'),
    method: text('method'),
    /** incoming | outgoing | internal */
    boundary: text('boundary').notNull(),
    onBoundary: text('on_boundary'),
    /** pledge | commitment | paid */
    status: text('status').notNull(),
    firstReportedDate: date('first_reported_date'),
    decisionDate: date('decision_date'),
    keywords: text('keywords'),
    refCode: text('ref_code'),
    ftsCreatedAt: date('fts_created_at'),
    ftsUpdatedAt: date('fts_updated_at'),
    /** DONOR_CONFIDENTIAL: an anonymous donor, or a pledge not yet public. */
    confidential: boolean('confidential').notNull(),
    /** ANONYMOUS_DONOR | UNPUBLISHED_PLEDGE */
    confidentialReason: text('confidential_reason'),
    recordedBy: text('recorded_by'),
    recordedAt: timestamp('recorded_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('funding_flows_plan_idx').on(t.destinationPlanId),
    index('funding_flows_source_org_idx').on(t.sourceOrganizationId),
    index('funding_flows_destination_org_idx').on(t.destinationOrganizationId),
    check('funding_flows_status_known', sql`${t.status} in ('pledge', 'commitment', 'paid')`),
    check('funding_flows_amount_not_negative', sql`${t.amountUsd} >= 0`),
  ],
);
export type FundingFlowRow = typeof fundingFlows.$inferSelect;
export type NewFundingFlowRow = typeof fundingFlows.$inferInsert;
