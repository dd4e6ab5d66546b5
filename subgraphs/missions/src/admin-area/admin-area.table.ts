import { doublePrecision, index, integer, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** OCHA common operational dataset admin areas, keyed by p-code (admin2 p-codes extend their admin1's). */
export const adminAreas = missionsSchema.table(
  'admin_areas',
  {
    pcode: text('pcode').primaryKey(),
    name: text('name').notNull(),
    /** The COD's alternative spelling (e.g. unaccented), when it has one. */
    nameAlt: text('name_alt'),
    level: integer('level').notNull(),
    parentPcode: text('parent_pcode'),
    countryIso3: text('country_iso3').notNull(),
    centroidLatitude: doublePrecision('centroid_latitude'),
    centroidLongitude: doublePrecision('centroid_longitude'),
    /** Where the row came from: 'ocha-cod' (real COD-AB) or 'generated' (illustrative, not an official COD). */
    source: text('source').notNull(),
    /** The COD version (valid-on date) an 'ocha-cod' p-code belongs to: p-codes are reused across versions. */
    codValidOn: text('cod_valid_on'),
  },
  (t) => [index('admin_areas_country_idx').on(t.countryIso3), index('admin_areas_parent_idx').on(t.parentPcode)],
);
export type AdminAreaRow = typeof adminAreas.$inferSelect;
