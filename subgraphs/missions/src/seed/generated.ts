import { createHash } from 'node:crypto';
import { and, desc, eq, inArray, isNotNull, sql } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { contributionYearCoverage } from '../contribution/contribution-coverage';
import { contributions } from '../contribution/contribution.table';
import { indicators, measurements } from '../indicator/indicator.table';
import { mandateTasks } from '../mandate-task/mandate-task.table';
import { securityCouncilResolutions } from '../resolution/resolution.table';
import { trainingRecords } from '../training/training-record.table';
import { BATCH_SIZE } from '../import/upsert';

/** Every row written here is illustrative demo data, stored with this source label. */
export const GENERATED = 'generated';

/** The courses every uniformed contingent must complete (DPO's pre-deployment and in-mission training requirements). */
export const REQUIRED_COURSES = ['PRE_DEPLOYMENT', 'GENDER_AND_PROTECTION', 'HUMAN_RIGHTS_AND_CHILD_PROTECTION', 'CONDUCT_AND_DISCIPLINE'] as const;

/** Contingents per mission that get generated training records (the largest contributors). */
const CONTINGENTS_PER_MISSION = 8;

export interface GeneratedReport {
  trainingRecords: number;
  indicators: number;
  measurements: number;
}

/** Deterministic 0..1 from a text, so every seed run generates the same figures. */
function unit(seed: string): number {
  return createHash('sha256').update(seed).digest().readUInt32BE(0) / 0xffffffff;
}

/**
 * GENERATED training records and M&E indicators with measurements, labelled `generated`.
 * Deterministic ids and values; `on conflict do nothing`, so a re-run inserts nothing and
 * never overwrites a measurement recorded through the API.
 */
export async function seedGeneratedMissionsData(db: Db): Promise<GeneratedReport> {
  return db.transaction(async (tx) => {
    const training = await generateTraining(tx);
    const { indicatorCount, measurementCount } = await generateIndicators(tx);
    return { trainingRecords: training, indicators: indicatorCount, measurements: measurementCount };
  });
}

async function generateTraining(tx: Db): Promise<number> {
  // The latest complete year of contributions data, and each mission's largest contingents in it.
  const complete = (await contributionYearCoverage(tx)).filter((row) => row.complete);
  const globalLatest = complete[complete.length - 1]?.year;
  if (globalLatest === undefined) return 0;
  const current = (
    await tx.selectDistinct({ missionId: contributions.missionId }).from(contributions).where(eq(contributions.year, globalLatest))
  ).map((row) => row.missionId);
  if (current.length === 0) return 0;
  const rows = await tx
    .select({ missionId: contributions.missionId, iso3: contributions.contributorIso3, total: contributions.total })
    .from(contributions)
    .where(and(eq(contributions.year, globalLatest), inArray(contributions.missionId, current), isNotNull(contributions.contributorIso3)))
    .orderBy(contributions.missionId, desc(contributions.total));
  const perMission = new Map<string, number>();
  const records: (typeof trainingRecords.$inferInsert)[] = [];
  for (const row of rows) {
    const n = perMission.get(row.missionId) ?? 0;
    if (n >= CONTINGENTS_PER_MISSION || !row.iso3) continue;
    perMission.set(row.missionId, n + 1);
    const required = Math.max(1, Math.round(Number(row.total)));
    for (const course of REQUIRED_COURSES) {
      const id = `${row.missionId}-${row.iso3}-${globalLatest}-${course}`;
      // Pre-deployment training is a condition of deployment: nearly complete; the others vary.
      const floor = course === 'PRE_DEPLOYMENT' ? 0.95 : 0.6;
      const completed = Math.min(required, Math.round(required * (floor + (1 - floor) * unit(id))));
      const day = 1 + Math.floor(unit(`${id}:day`) * 27);
      const month = 1 + Math.floor(unit(`${id}:month`) * 12);
      records.push({
        id,
        missionId: row.missionId,
        contributorIso3: row.iso3,
        year: globalLatest,
        course,
        personnelRequired: required,
        personnelCompleted: completed,
        lastCompletedOn: completed > 0 ? `${globalLatest}-${pad(month)}-${pad(day)}` : null,
        source: GENERATED,
      });
    }
  }
  let inserted = 0;
  for (let start = 0; start < records.length; start += BATCH_SIZE) {
    const done = await tx.insert(trainingRecords).values(records.slice(start, start + BATCH_SIZE)).onConflictDoNothing().returning({ id: trainingRecords.id });
    inserted += done.length;
  }
  return inserted;
}

interface IndicatorTemplate {
  level: 'INPUT' | 'OUTPUT' | 'OUTCOME' | 'IMPACT';
  name: string;
  unit: string;
  baseline: number;
  target: number;
}

const TEMPLATES: Record<string, IndicatorTemplate> = {
  PROTECTION_OF_CIVILIANS: { level: 'IMPACT', name: 'Civilians killed in areas of deployment per quarter', unit: 'people', baseline: 180, target: 90 },
  POLITICAL_PROCESS: { level: 'OUTCOME', name: 'Local peace committees meeting at least monthly', unit: 'committees', baseline: 20, target: 45 },
  HUMANITARIAN_ACCESS: { level: 'OUTCOME', name: 'Humanitarian access constraints resolved within 72 hours', unit: 'percent', baseline: 40, target: 75 },
  PROTECTION_OF_UN_PERSONNEL: { level: 'INPUT', name: 'Mission sites with an up-to-date security risk assessment', unit: 'percent', baseline: 70, target: 100 },
  STATE_AUTHORITY: { level: 'OUTCOME', name: 'Prefectures with prefect and sub-prefects present', unit: 'prefectures', baseline: 10, target: 16 },
  SECURITY_SECTOR_REFORM: { level: 'OUTPUT', name: 'National security force personnel vetted', unit: 'people', baseline: 1200, target: 4000 },
  DDR: { level: 'OUTPUT', name: 'Former combatants demobilized', unit: 'people', baseline: 500, target: 2500 },
  HUMAN_RIGHTS: { level: 'OUTPUT', name: 'Human rights monitoring missions conducted', unit: 'missions', baseline: 30, target: 120 },
  RULE_OF_LAW: { level: 'OUTCOME', name: 'Criminal court sessions held outside the capital', unit: 'sessions', baseline: 2, target: 12 },
  ELECTORAL_SUPPORT: { level: 'OUTPUT', name: 'Electoral materials delivered to polling centres on time', unit: 'percent', baseline: 0, target: 95 },
};
const DEFAULT_TEMPLATE: IndicatorTemplate = { level: 'OUTPUT', name: 'Mandated activities completed as planned', unit: 'percent', baseline: 0, target: 100 };

async function generateIndicators(tx: Db): Promise<{ indicatorCount: number; measurementCount: number }> {
  // The tasks of each mission's latest resolution that lists tasks.
  const latestWithTasks = await tx
    .select({ symbol: securityCouncilResolutions.symbol, missionId: securityCouncilResolutions.missionId, adoptedOn: securityCouncilResolutions.adoptedOn })
    .from(securityCouncilResolutions)
    .where(sql`exists (select 1 from ${mandateTasks} t where t.resolution_symbol = ${securityCouncilResolutions.symbol})`)
    .orderBy(securityCouncilResolutions.missionId, desc(securityCouncilResolutions.adoptedOn));
  const symbolByMission = new Map<string, { symbol: string; adoptedOn: string }>();
  for (const row of latestWithTasks) if (!symbolByMission.has(row.missionId)) symbolByMission.set(row.missionId, row);
  const symbols = [...symbolByMission.values()].map((r) => r.symbol);
  if (symbols.length === 0) return { indicatorCount: 0, measurementCount: 0 };
  const tasks = await tx.select().from(mandateTasks).where(inArray(mandateTasks.resolutionSymbol, symbols));
  const indicatorRows: (typeof indicators.$inferInsert)[] = [];
  const measurementRows: (typeof measurements.$inferInsert)[] = [];
  for (const task of tasks) {
    const template = TEMPLATES[task.category] ?? DEFAULT_TEMPLATE;
    const adoptedOn = symbolByMission.get(task.missionId)!.adoptedOn;
    const baseYear = Number(adoptedOn.slice(0, 4));
    const id = `${task.id}/ind-1`;
    indicatorRows.push({
      id,
      missionId: task.missionId,
      mandateTaskId: task.id,
      level: template.level,
      name: template.name,
      unit: template.unit,
      baseline: template.baseline.toFixed(2),
      baselineOn: adoptedOn,
      target: template.target.toFixed(2),
      targetOn: `${baseYear + 1}-12-31`,
      source: GENERATED,
    });
    // Four quarterly values moving from the baseline towards the target, with noise.
    for (let quarter = 1; quarter <= 4; quarter++) {
      const progress = Math.min(1, (quarter / 5) * (0.6 + 0.8 * unit(`${id}:${quarter}`)));
      const value = template.baseline + (template.target - template.baseline) * progress;
      measurementRows.push({
        id: `${id}/${baseYear + 1}-Q${quarter}`,
        indicatorId: id,
        missionId: task.missionId,
        measuredOn: `${baseYear + 1}-${pad(quarter * 3)}-${quarter === 1 || quarter === 4 ? 31 : 30}`,
        value: value.toFixed(2),
        note: 'generated demo value',
        source: GENERATED,
      });
    }
  }
  const insertedIndicators = await tx.insert(indicators).values(indicatorRows).onConflictDoNothing().returning({ id: indicators.id });
  const insertedMeasurements = await tx.insert(measurements).values(measurementRows).onConflictDoNothing().returning({ id: measurements.id });
  return { indicatorCount: insertedIndicators.length, measurementCount: insertedMeasurements.length };
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
