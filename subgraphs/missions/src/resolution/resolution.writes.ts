import type { Db } from '@peacegraph/kit';
import { authorizedStrengths } from '../authorized-strength/authorized-strength.table';
import { mandateTasks } from '../mandate-task/mandate-task.table';
import { securityCouncilResolutions } from './resolution.table';

/** A recorded resolution with the mandate tasks and ceilings it sets, as rows to insert. */
export interface ResolutionRows {
  resolution: typeof securityCouncilResolutions.$inferInsert;
  tasks: (typeof mandateTasks.$inferInsert)[];
  strengths: (typeof authorizedStrengths.$inferInsert)[];
}

/** The resolution first, then its tasks and ceilings (an empty list writes nothing). */
export async function insertResolution(tx: Db, rows: ResolutionRows): Promise<void> {
  await tx.insert(securityCouncilResolutions).values(rows.resolution);
  if (rows.tasks.length > 0) await tx.insert(mandateTasks).values(rows.tasks);
  if (rows.strengths.length > 0) await tx.insert(authorizedStrengths).values(rows.strengths);
}
