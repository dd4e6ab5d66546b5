import { eq, inArray } from 'drizzle-orm';
import { date, doublePrecision, index, integer, pgSchema, text, uniqueIndex } from 'drizzle-orm/pg-core';
import type { Db } from './db';

/**
 * The reference tables every subgraph validates input against. The missions subgraph owns them
 * (they live in its `missions` schema and its migrations; seeded from @peacegraph/reference,
 * extended by imports or SQL), but they are declared here, once, because the other subgraphs read
 * them too — only through the lookups below, as a published reference contract — and kit cannot
 * import a subgraph. So an admin area added to the table is accepted at once, with no code change
 * and no cache to go stale: each lookup is one primary-key read, made only by writes and filtered
 * queries — and one batched read per request where a subgraph serves an area's name and level
 * itself (`referenceAreas`).
 */

/** Everything the missions subgraph stores lives in the `missions` Postgres schema. */
export const missionsSchema = pgSchema('missions');

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

/** A UN peacekeeping operation or special political mission. `id` is the acronym (stable, readable in other subgraphs' rows). */
export const missions = missionsSchema.table(
  'missions',
  {
    id: text('id').primaryKey(),
    acronym: text('acronym').notNull(),
    name: text('name').notNull(),
    /** PKO | SPM */
    missionType: text('mission_type').notNull(),
    /** UN | AU | EU | COALITION */
    leadOrganization: text('lead_organization').notNull(),
    hostCountryIso3: text('host_country_iso3').array().notNull(),
    startDate: date('start_date'),
    endDate: date('end_date'),
    /** ACTIVE | CLOSED | IN_TRANSITION */
    status: text('status').notNull(),
    headquarters: text('headquarters'),
    /** 'curated' (from UN mission pages) or 'derived' (only the acronym was in the data files). */
    source: text('source').notNull(),
  },
  (t) => [uniqueIndex('missions_acronym_uq').on(t.acronym)],
);
export type MissionRow = typeof missions.$inferSelect;

/** What the other subgraphs read of an admin area. */
export type ReferenceArea = Pick<AdminAreaRow, 'pcode' | 'name' | 'parentPcode' | 'countryIso3' | 'centroidLatitude' | 'centroidLongitude'> & {
  level: 1 | 2;
};

/** What the other subgraphs read of a mission. */
export type ReferenceMission = Pick<MissionRow, 'id' | 'status' | 'missionType' | 'hostCountryIso3'>;

/** The columns of an admin area the other subgraphs read. */
const referenceAreaColumns = {
  pcode: adminAreas.pcode,
  name: adminAreas.name,
  level: adminAreas.level,
  parentPcode: adminAreas.parentPcode,
  countryIso3: adminAreas.countryIso3,
  centroidLatitude: adminAreas.centroidLatitude,
  centroidLongitude: adminAreas.centroidLongitude,
};

/** The admin area with this p-code (exact, upper case), or undefined. */
export async function referenceArea(db: Db, pcode: string): Promise<ReferenceArea | undefined> {
  const [area] = await db
    .select(referenceAreaColumns)
    .from(adminAreas)
    .where(eq(adminAreas.pcode, pcode));
  // The table holds admin1 and admin2 areas only (the seed and importers write no other level).
  return area as ReferenceArea | undefined;
}

/**
 * The admin areas with these p-codes (those the table has), in one statement. Subgraphs that
 * serve an area's reference fields themselves (`@shareable` with the missions subgraph) read
 * them here, so both answer from the same row.
 */
export async function referenceAreas(db: Db, pcodes: readonly string[]): Promise<ReferenceArea[]> {
  if (pcodes.length === 0) return [];
  const areas = await db
    .select(referenceAreaColumns)
    .from(adminAreas)
    .where(inArray(adminAreas.pcode, [...pcodes]));
  return areas as ReferenceArea[];
}

/** The mission with this id (exact, upper case), or undefined. */
export async function referenceMission(db: Db, id: string): Promise<ReferenceMission | undefined> {
  const [mission] = await db
    .select({ id: missions.id, status: missions.status, missionType: missions.missionType, hostCountryIso3: missions.hostCountryIso3 })
    .from(missions)
    .where(eq(missions.id, id));
  return mission;
}
