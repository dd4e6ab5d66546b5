import { integer, text } from 'drizzle-orm/pg-core';
import { missionsSchema } from '../schema';

/** ISO 3166-1 countries with their UN M49 code. */
export const countries = missionsSchema.table('countries', {
  iso3: text('iso3').primaryKey(),
  m49: integer('m49'),
  name: text('name').notNull(),
});
export type CountryRow = typeof countries.$inferSelect;
