import { inArray } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { RESOLUTION_CATALOGUE, type ResolutionReference } from '@peacegraph/reference';
import { authorizedStrengths } from '../authorized-strength/authorized-strength.table';
import { mandateTasks } from '../mandate-task/mandate-task.table';
import { securityCouncilResolutions } from '../resolution/resolution.table';
import { parseResolutionSymbol } from '../resolution/resolution-symbol';
import { addCounts, NO_CHANGES, type ChangeCounts } from '../import/import-report';
import { upsertCountingChanges } from '../import/upsert';

export interface MandatesReport {
  resolutions: ChangeCounts;
  tasks: ChangeCounts;
  authorizedStrengths: ChangeCounts;
}

/**
 * Seeds the curated resolutions (subgraphs/reference/src/resolutions.ts) with their tasks
 * and ceilings. Idempotent: unchanged rows are left alone; a resolution recorded later
 * through the mutation with the same symbol is overwritten only where the catalogue differs.
 * Run after the missions exist (seedReference).
 */
export async function seedMandates(db: Db, catalogue: readonly ResolutionReference[] = RESOLUTION_CATALOGUE): Promise<MandatesReport> {
  for (const resolution of catalogue) {
    if (!parseResolutionSymbol(resolution.symbol)) throw new Error(`catalogue symbol ${resolution.symbol} is malformed`);
  }
  return db.transaction(async (tx) => {
    const resolutions = await upsertCountingChanges(
      tx,
      {
        table: securityCouncilResolutions,
        conflictTarget: [securityCouncilResolutions.symbol],
        updateColumns: [
          securityCouncilResolutions.missionId,
          securityCouncilResolutions.adoptedOn,
          securityCouncilResolutions.mandateExpiresOn,
          securityCouncilResolutions.kind,
          securityCouncilResolutions.votesInFavour,
          securityCouncilResolutions.votesAgainst,
          securityCouncilResolutions.abstentions,
          securityCouncilResolutions.summary,
          securityCouncilResolutions.source,
        ],
      },
      catalogue.map((r) => {
        const parsed = parseResolutionSymbol(r.symbol)!;
        return {
          symbol: r.symbol,
          number: parsed.number,
          year: parsed.year,
          missionId: r.missionId,
          adoptedOn: r.adoptedOn,
          mandateExpiresOn: r.mandateExpiresOn,
          kind: r.kind,
          votesInFavour: r.votes?.inFavour ?? null,
          votesAgainst: r.votes?.against ?? null,
          abstentions: r.votes?.abstentions ?? null,
          summary: r.summary,
          source: 'curated',
        };
      }),
    );
    // Tasks and ceilings are replaced per resolution only when they differ from the catalogue.
    let tasks: ChangeCounts = NO_CHANGES;
    let strengths: ChangeCounts = NO_CHANGES;
    const symbols = catalogue.map((r) => r.symbol);
    const storedTasks = symbols.length ? await tx.select().from(mandateTasks).where(inArray(mandateTasks.resolutionSymbol, symbols)) : [];
    const storedStrengths = symbols.length
      ? await tx.select().from(authorizedStrengths).where(inArray(authorizedStrengths.resolutionSymbol, symbols))
      : [];
    for (const r of catalogue) {
      const wantTasks = r.tasks.map((t, i) => ({
        id: `${r.symbol}#${i + 1}`,
        resolutionSymbol: r.symbol,
        missionId: r.missionId,
        position: i + 1,
        category: t.category,
        text: t.text,
        priority: t.priority,
      }));
      const haveTasks = storedTasks.filter((t) => t.resolutionSymbol === r.symbol).sort((a, b) => a.position - b.position);
      tasks = addCounts(tasks, await replaceIfDifferent(tx, 'tasks', r.symbol, haveTasks, wantTasks));
      const wantStrengths = r.strengths.map((s) => ({
        resolutionSymbol: r.symbol,
        missionId: r.missionId,
        personnelType: s.personnelType,
        ceiling: s.ceiling,
        includedIn: s.includedIn ?? null,
      }));
      const haveStrengths = storedStrengths.filter((s) => s.resolutionSymbol === r.symbol);
      strengths = addCounts(strengths, await replaceIfDifferent(tx, 'strengths', r.symbol, haveStrengths, wantStrengths));
    }
    return {
      resolutions: { inserted: resolutions.inserted, updated: resolutions.updated, unchanged: resolutions.unchanged },
      tasks,
      authorizedStrengths: strengths,
    };
  });
}

type TaskInsert = typeof mandateTasks.$inferInsert;
type StrengthInsert = typeof authorizedStrengths.$inferInsert;

async function replaceIfDifferent<T extends TaskInsert | StrengthInsert>(
  tx: Db,
  what: 'tasks' | 'strengths',
  symbol: string,
  have: readonly T[],
  want: readonly T[],
): Promise<ChangeCounts> {
  const key = (rows: readonly T[]) =>
    JSON.stringify(
      rows
        .map((row) => Object.entries(row).sort(([a], [b]) => a.localeCompare(b)))
        .map((entries) => JSON.stringify(entries))
        .sort(),
    );
  if (key(have) === key(want)) return { inserted: 0, updated: 0, unchanged: want.length };
  const table = what === 'tasks' ? mandateTasks : authorizedStrengths;
  await tx.delete(table).where(inArray(table.resolutionSymbol, [symbol]));
  if (want.length > 0) await tx.insert(table).values(want as never[]);
  return have.length === 0 ? { inserted: want.length, updated: 0, unchanged: 0 } : { inserted: 0, updated: want.length, unchanged: 0 };
}
