import { doublePrecision, index, integer, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** OCHA common operational dataset admin areas, keyed by p-code (admin2 p-codes extend their admin1's). */
export const adminAreas = missionsSchema.table(
  'admin_areas',
  {
    pcode: text('pcode').primaryKey(),
    name: text('name').notNull(),
    level: integer('level').notNull(),
    parentPcode: text('parent_pcode'),
    countryIso3: text('country_iso3').notNull(),
    centroidLatitude: doublePrecision('centroid_latitude'),
    centroidLongitude: doublePrecision('centroid_longitude'),
    /** Where the row came from: 'generated' rows are illustrative, not an official COD. */
    source: text('source').notNull(),
  },
  (t) => [index('admin_areas_country_idx').on(t.countryIso3), index('admin_areas_parent_idx').on(t.parentPcode)],
);
export type AdminAreaRow = typeof adminAreas.$inferSelect;
