import { date, index, integer, text, timestamp } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/**
 * Who does what where (3W): one organisation × IASC cluster × admin area × reference
 * period, as in HDX HAPI's operational-presence rows, plus people targeted and reached
 * (totals and, where reported, by sex and age group: children < 18, adults ≥ 18).
 */
export const operationalPresence = humanitarianSchema.table(
  'operational_presence',
  {
    id: text('id').primaryKey(),
    /** The owning organisation: only it may change the row. */
    organizationId: text('organization_id').notNull(),
    cluster: text('cluster').notNull(),
    adminAreaPcode: text('admin_area_pcode').notNull(),
    admin1Pcode: text('admin1_pcode').notNull(),
    adminLevel: integer('admin_level').notNull(),
    countryIso3: text('country_iso3').notNull(),
    /** The mission whose agreements scope this row (places.ts missionForArea); null outside one. */
    missionId: text('mission_id'),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    /** PLANNED | ONGOING | COMPLETED */
    status: text('status').notNull(),
    targetedTotal: integer('targeted_total').notNull(),
    targetedFemaleChildren: integer('targeted_female_children'),
    targetedMaleChildren: integer('targeted_male_children'),
    targetedFemaleAdults: integer('targeted_female_adults'),
    targetedMaleAdults: integer('targeted_male_adults'),
    reachedTotal: integer('reached_total').notNull(),
    reachedFemaleChildren: integer('reached_female_children'),
    reachedMaleChildren: integer('reached_male_children'),
    reachedFemaleAdults: integer('reached_female_adults'),
    reachedMaleAdults: integer('reached_male_adults'),
    /** Why more people were reached than targeted (required when they were). */
    reachedExplanation: text('reached_explanation'),
    /** Notes for partners; PARTNER class. */
    remarks: text('remarks'),
    /** 'generated' (illustrative demo rows) or 'reported' (written by the organisation). */
    source: text('source').notNull(),
    updatedBy: text('updated_by'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('operational_presence_country_idx').on(t.countryIso3, t.id),
    // AdminArea.operationalPresence pages read the area's own rows and its admin1's rows in id
    // order off these two (area-pages.ts): a page costs a page of index entries at any size.
    index('operational_presence_area_idx').on(t.adminAreaPcode, t.id),
    index('operational_presence_admin1_idx').on(t.admin1Pcode, t.id),
    index('operational_presence_org_idx').on(t.organizationId),
  ],
);
export type OperationalPresenceRow = typeof operationalPresence.$inferSelect;
export type NewOperationalPresenceRow = typeof operationalPresence.$inferInsert;
