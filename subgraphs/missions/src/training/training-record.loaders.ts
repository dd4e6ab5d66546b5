import DataLoader from 'dataloader';
import { and, asc, desc, eq, inArray, type SQL } from 'drizzle-orm';
import { rowFilter, type Access, type Db, pageInIdOrder } from '@peacegraph/kit';
import { trainingRecords, type TrainingRecordRow } from './training-record.table';
import { TrainingRecord } from './training-record.type';

/** Rows the caller may see: UN_INTERNAL within its agreements' missions, filtered in SQL. */
function inScope(access: Access): SQL {
  return rowFilter(access, TrainingRecord, trainingRecords);
}

/** Each mission's training records in its latest year with records (or a given year): one statement per batch. */
export function trainingByMissionLoader(db: Db, access: Access) {
  return new DataLoader<{ missionId: string; year: number | null }, TrainingRecordRow[], string>(
    async (keys) => {
      const rows = await db
        .select()
        .from(trainingRecords)
        .where(and(inScope(access), inArray(trainingRecords.missionId, [...new Set(keys.map((k) => k.missionId))])))
        .orderBy(desc(trainingRecords.year), asc(trainingRecords.id));
      return keys.map((key) => {
        const own = rows.filter((row) => row.missionId === key.missionId);
        const year = key.year ?? own[0]?.year;
        return own.filter((row) => row.year === year);
      });
    },
    { cacheKeyFn: (key) => `${key.missionId}|${key.year ?? 'latest'}` },
  );
}

/** A page of training records in id order, within the caller's scope. */
export function listTrainingRecords(db: Db, access: Access, filter: { missionId?: string | null; year?: number | null }, after: string | null, limit: number) {
  const conditions: SQL[] = [inScope(access)];
  if (filter.missionId) conditions.push(eq(trainingRecords.missionId, filter.missionId.toUpperCase()));
  if (filter.year) conditions.push(eq(trainingRecords.year, filter.year));
  return pageInIdOrder(db, trainingRecords, conditions, after, limit);
}

/** Compliance summary of one mission-year's records. */
export function complianceOf(missionId: string, rows: readonly TrainingRecordRow[]) {
  const first = rows[0];
  if (!first) return null;
  const required = rows.reduce((sum, row) => sum + row.personnelRequired, 0);
  const completed = rows.reduce((sum, row) => sum + row.personnelCompleted, 0);
  const byContingent = new Map<string, boolean>();
  for (const row of rows) {
    byContingent.set(row.contributorIso3, (byContingent.get(row.contributorIso3) ?? true) && row.personnelCompleted >= row.personnelRequired);
  }
  return {
    missionId,
    year: first.year,
    complianceRate: required === 0 ? 1 : Math.round((completed / required) * 10000) / 10000,
    contingents: byContingent.size,
    fullyCompliantContingents: [...byContingent.values()].filter(Boolean).length,
    source: [...new Set(rows.map((row) => row.source))].sort().join(', '),
  };
}

