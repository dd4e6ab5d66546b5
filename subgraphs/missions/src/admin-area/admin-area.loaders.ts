import DataLoader from 'dataloader';
import { and, asc, eq, type SQL } from 'drizzle-orm';
import { anyOf, prepared, type Db } from '@peacegraph/kit';
import { adminAreas, type AdminAreaRow } from './admin-area.table';

/** Admin areas by p-code, one statement per batch. */
export function adminAreaByPcodeLoader(db: Db) {
  return new DataLoader<string, AdminAreaRow | null>(async (pcodes) => {
    const rows = await prepared(db, 'missions.adminAreaByPcode', () => db.select().from(adminAreas).where(anyOf(adminAreas.pcode, 'pcodes'))).execute({ pcodes });
    const byCode = new Map(rows.map((r) => [r.pcode, r]));
    return pcodes.map((p) => byCode.get(p) ?? null);
  });
}

export function listAdminAreas(db: Db, countryIso3?: string | null, level?: number | null): Promise<AdminAreaRow[]> {
  const conditions: SQL[] = [];
  if (countryIso3) conditions.push(eq(adminAreas.countryIso3, countryIso3.toUpperCase()));
  if (level) conditions.push(eq(adminAreas.level, level));
  return db.select().from(adminAreas).where(and(...conditions)).orderBy(asc(adminAreas.pcode));
}
