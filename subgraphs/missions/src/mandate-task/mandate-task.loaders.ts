import DataLoader from 'dataloader';
import { asc, inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { mandateTasks, type MandateTaskRow } from './mandate-task.table';

/** Tasks of each resolution in the resolution's order: one statement per batch of resolutions. */
export function tasksByResolutionLoader(db: Db) {
  return new DataLoader<string, MandateTaskRow[]>(async (symbols) => {
    const rows = await db
      .select()
      .from(mandateTasks)
      .where(inArray(mandateTasks.resolutionSymbol, [...symbols]))
      .orderBy(asc(mandateTasks.position));
    return symbols.map((symbol) => rows.filter((row) => row.resolutionSymbol === symbol));
  });
}

/** Tasks by id: one statement per batch. */
export function taskByIdLoader(db: Db) {
  return new DataLoader<string, MandateTaskRow | null>(async (ids) => {
    const rows = await db.select().from(mandateTasks).where(inArray(mandateTasks.id, [...ids]));
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
