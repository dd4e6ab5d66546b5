import { sql } from 'drizzle-orm';
import type { Db } from './db';

/**
 * The reference rows every subgraph validates input against, read from the database: the
 * missions subgraph owns `missions.admin_areas` and `missions.missions` (seeded from
 * @peacegraph/reference, extended by imports or SQL), and the other subgraphs read those two
 * tables — only these columns, only here — as a published reference contract. So an admin area
 * added to the table is accepted at once, with no code change and no cache to go stale: each
 * lookup is one primary-key read, made by writes and filtered queries — and one batched read
 * per request where a subgraph serves an area's name and level itself (`referenceAreas`).
 */
export interface ReferenceArea {
  pcode: string;
  name: string;
  level: 1 | 2;
  parentPcode: string | null;
  countryIso3: string;
  centroidLatitude: number | null;
  centroidLongitude: number | null;
}

export interface ReferenceMission {
  id: string;
  status: string;
  missionType: string;
  hostCountryIso3: string[];
}

/** The admin area with this p-code (exact, upper case), or undefined. */
export async function referenceArea(db: Db, pcode: string): Promise<ReferenceArea | undefined> {
  return firstRow<ReferenceArea>(await db.execute(sql`
    select pcode, name, level, parent_pcode as "parentPcode", country_iso3 as "countryIso3",
           centroid_latitude as "centroidLatitude", centroid_longitude as "centroidLongitude"
    from missions.admin_areas where pcode = ${pcode}`));
}

/**
 * The admin areas with these p-codes (those the table has), in one statement. Subgraphs that
 * serve an area's reference fields themselves (`@shareable` with the missions subgraph) read
 * them here, so both answer from the same row.
 */
export async function referenceAreas(db: Db, pcodes: readonly string[]): Promise<ReferenceArea[]> {
  return rowsOf<ReferenceArea>(await db.execute(sql`
    select pcode, name, level, parent_pcode as "parentPcode", country_iso3 as "countryIso3",
           centroid_latitude as "centroidLatitude", centroid_longitude as "centroidLongitude"
    from missions.admin_areas where pcode in (${sql.join(pcodes.map((pcode) => sql`${pcode}`), sql`, `)})`));
}

/** The mission with this id (exact, upper case), or undefined. */
export async function referenceMission(db: Db, id: string): Promise<ReferenceMission | undefined> {
  return firstRow<ReferenceMission>(await db.execute(sql`
    select id, status, mission_type as "missionType", host_country_iso3 as "hostCountryIso3"
    from missions.missions where id = ${id}`));
}

/** postgres.js returns the rows, PGlite an object holding them. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as T[];
}

function firstRow<T>(result: unknown): T | undefined {
  return rowsOf<T>(result)[0];
}
