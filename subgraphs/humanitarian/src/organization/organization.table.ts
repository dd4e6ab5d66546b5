import { text } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

/** Organisations of the humanitarian response (IATI organisation registry where an identifier exists). */
export const organizations = humanitarianSchema.table('organizations', {
  /** The id agreements and tokens use (e.g. `nrc`). */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  acronym: text('acronym'),
  /** mission | un-agency | ingo | nngo | red-cross | government | donor | oversight | other */
  type: text('type').notNull(),
  iatiId: text('iati_id'),
  countryIso3: text('country_iso3'),
  /** 'catalogue' (subgraphs/reference) or 'humanitarian-seed' (organisations the demo 3W needs). */
  source: text('source').notNull(),
});
export type OrganizationRow = typeof organizations.$inferSelect;
