import DataLoader from 'dataloader';
import { referenceAreas, type Db, type ReferenceArea } from '@peacegraph/kit';

/**
 * The reference row of each admin area a request names, one statement per batch: the same
 * table and row the missions subgraph answers `name` and `level` from, so the planner may take
 * them from either (both `@shareable`) and a Q4 cell needs no second subgraph request.
 */
export function referenceAreaByPcodeLoader(db: Db) {
  return new DataLoader<string, ReferenceArea | null>(async (pcodes) => {
    const byCode = new Map((await referenceAreas(db, pcodes)).map((area) => [area.pcode, area]));
    return pcodes.map((pcode) => byCode.get(pcode) ?? null);
  });
}
