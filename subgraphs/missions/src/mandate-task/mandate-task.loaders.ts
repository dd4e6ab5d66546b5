import DataLoader from 'dataloader';
import { asc } from 'drizzle-orm';
import { anyOf, prepared, type Db } from '@peacegraph/kit';
import { mandateTasks, type MandateTaskRow } from './mandate-task.table';

/** Tasks of each resolution in the resolution's order: one statement per batch of resolutions. */
export function tasksByResolutionLoader(db: Db) {
  return new DataLoader<string, MandateTaskRow[]>(async (symbols) => {
    const rows = await prepared(db, 'missions.tasksByResolution', () =>
      db.select().from(mandateTasks).where(anyOf(mandateTasks.resolutionSymbol, 'symbols')).orderBy(asc(mandateTasks.position)),
    ).execute({ symbols });
    return symbols.map((symbol) => rows.filter((row) => row.resolutionSymbol === symbol));
  });
}

/** Tasks by id: one statement per batch. */
export function taskByIdLoader(db: Db) {
  return new DataLoader<string, MandateTaskRow | null>(async (ids) => {
    const rows = await prepared(db, 'missions.taskById', () => db.select().from(mandateTasks).where(anyOf(mandateTasks.id, 'ids'))).execute({ ids });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}
