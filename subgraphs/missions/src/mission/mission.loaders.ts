import DataLoader from 'dataloader';
import { eq, sql, type SQL } from 'drizzle-orm';
import { anyOf, pageInIdOrder, prepared, type Db } from '@peacegraph/kit';
import { missions, type MissionRow } from './mission.table';

export interface MissionFilter {
  status?: string | null;
  hostCountryIso3?: string | null;
  leadOrganization?: string | null;
  activeOn?: string | null;
  missionType?: string | null;
  search?: string | null;
  source?: string | null;
}

/** Missions by id, one statement per batch (the gateway's `_entities` lookups land here). */
export function missionByIdLoader(db: Db) {
  return new DataLoader<string, MissionRow | null>(async (ids) => {
    const rows = await prepared(db, 'missions.missionById', () => db.select().from(missions).where(anyOf(missions.id, 'ids'))).execute({ ids });
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** One mission by id, uncached: for writes, and for reading a row back right after writing it. */
export async function missionRowById(db: Db, id: string): Promise<MissionRow | null> {
  const [row] = await db.select().from(missions).where(eq(missions.id, id));
  return row ?? null;
}

export async function missionByAcronym(db: Db, acronym: string): Promise<MissionRow | null> {
  const [row] = await prepared(db, 'missions.missionByAcronym', () => db.select().from(missions).where(eq(missions.acronym, sql.placeholder('acronym')))).execute({ acronym: acronym.toUpperCase() });
  return row ?? null;
}

/** A page of missions in id order (stable under inserts: keyset, not offset). */
export function listMissions(db: Db, filter: MissionFilter, after: string | null, limit: number): Promise<MissionRow[]> {
  const conditions: SQL[] = [];
  if (filter.status) conditions.push(eq(missions.status, filter.status));
  if (filter.leadOrganization) conditions.push(eq(missions.leadOrganization, filter.leadOrganization));
  if (filter.hostCountryIso3) conditions.push(sql`${filter.hostCountryIso3.toUpperCase()} = any(${missions.hostCountryIso3})`);
  if (filter.activeOn) {
    conditions.push(sql`(${missions.startDate} is null or ${missions.startDate} <= ${filter.activeOn})`);
    conditions.push(sql`(${missions.endDate} is null or ${missions.endDate} >= ${filter.activeOn})`);
  }
  if (filter.missionType) conditions.push(eq(missions.missionType, filter.missionType));
  if (filter.source) conditions.push(eq(missions.source, filter.source));
  if (filter.search) {
    // LIKE metacharacters in the search text are matched literally.
    const pattern = `%${filter.search.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    conditions.push(sql`(${missions.acronym} ilike ${pattern} or ${missions.name} ilike ${pattern})`);
  }
  return pageInIdOrder(db, missions, conditions, after, limit);
}
