import { doublePrecision, index, integer, primaryKey, text, uniqueIndex } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/**
 * Where a mission had uniformed personnel in a given year, with coordinates (Geo-PKO
 * dataset, Uppsala University). One row per mission × year × location.
 */
export const deploymentSites = missionsSchema.table(
  'deployment_sites',
  {
    id: integer('id').primaryKey().generatedAlwaysAsIdentity(),
    missionId: text('mission_id').notNull(),
    year: integer('year').notNull(),
    location: text('location').notNull(),
    latitude: doublePrecision('latitude').notNull(),
    longitude: doublePrecision('longitude').notNull(),
    /** Number of troop/police-contributing countries at the site (the source's `No.TCC`). */
    contributorCount: integer('contributor_count'),
    /** The source's list as published, e.g. "Rwanda (1600), Zambia (size unknown)". */
    contributorsOverview: text('contributors_overview').notNull(),
  },
  (t) => [
    uniqueIndex('deployment_sites_natural_uq').on(t.missionId, t.year, t.location),
    index('deployment_sites_mission_idx').on(t.missionId, t.year),
  ],
);
export type DeploymentSiteRow = typeof deploymentSites.$inferSelect;

/**
 * The overview above split into one row per contributor, so "which sites had Nepalese
 * troops" is a query, not a string search. Rebuilt whenever the site's overview changes.
 */
export const deploymentSiteContributors = missionsSchema.table(
  'deployment_site_contributors',
  {
    siteId: integer('site_id')
      .notNull()
      .references(() => deploymentSites.id, { onDelete: 'cascade' }),
    /** Order in the overview (0-based), which keeps the key stable when a name repeats. */
    position: integer('position').notNull(),
    /** As written in the source ("Drc", "Korea (ROK)", "Un", "TCC name unknown"). */
    contributorName: text('contributor_name').notNull(),
    /** Null when the name is not a country (UN, CARICOM, unknown) or not recognised. */
    contributorIso3: text('contributor_iso3'),
    /** Approximate personnel; null where the source says "size unknown". */
    size: integer('size'),
  },
  (t) => [primaryKey({ columns: [t.siteId, t.position] }), index('deployment_site_contributors_iso3_idx').on(t.contributorIso3)],
);
export type DeploymentSiteContributorRow = typeof deploymentSiteContributors.$inferSelect;
