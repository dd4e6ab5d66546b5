import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import type { Db } from '@peacegraph/kit';
import { fundingOutsidePlans, planClusters, plans, type PlanRow } from '../plan/plan.table';
import { formatThousandths, toThousandths } from '../money/decimal';
import { optionalAmount, optionalDate, optionalInt, optionalText, requiredInt, requiredText, RowError } from './fts-values';
import { emptyReport, readRows, reject, sameRow, type ImportFileReport } from './import-report';

/**
 * FTS requirements_funding: one row per country × plan, plus a "Not specified" row per
 * country with the funding outside any plan (stored in funding_outside_plans).
 */
export async function importFtsRequirements(db: Db, dir: string, file: string): Promise<ImportFileReport> {
  const report = emptyReport(file);
  const rows = readRows(report, path.join(dir, file));
  let total = 0n;
  await db.transaction(async (tx) => {
    for (const record of rows) {
      report.read++;
      const v = record.values;
      try {
        const countryIso3 = requiredText(v, 'countryCode');
        const year = requiredInt(v, 'year');
        const funding = optionalAmount(v, 'funding');
        const planId = optionalInt(v, 'id');
        if (funding) total += toThousandths(funding);
        if (planId === null) {
          if (!funding) throw new RowError('a row without plan id must carry funding');
          const row = { countryIso3, year, fundingUsd: funding, source: `fts:${file}` };
          const [current] = await tx.select().from(fundingOutsidePlans).where(and(eq(fundingOutsidePlans.countryIso3, countryIso3), eq(fundingOutsidePlans.year, year)));
          if (!current) {
            await tx.insert(fundingOutsidePlans).values(row);
            report.inserted++;
          } else if (sameRow(row, current)) report.unchanged++;
          else {
            await tx.update(fundingOutsidePlans).set(row).where(and(eq(fundingOutsidePlans.countryIso3, countryIso3), eq(fundingOutsidePlans.year, year)));
            report.updated++;
          }
          continue;
        }
        const [current] = await tx.select().from(plans).where(eq(plans.id, planId));
        const row: PlanRow = {
          id: planId,
          code: requiredText(v, 'code'),
          name: requiredText(v, 'name'),
          typeId: optionalInt(v, 'typeId'),
          typeName: optionalText(v, 'typeName'),
          // A regional plan is listed once per country: the countries accumulate.
          countryIso3: [...new Set([...(current?.countryIso3 ?? []), countryIso3])].sort(),
          year,
          startDate: optionalDate(v, 'startDate'),
          endDate: optionalDate(v, 'endDate'),
          requirementsUsd: optionalAmount(v, 'requirements'),
          reportedFundingUsd: funding,
          reportedPercentFunded: optionalInt(v, 'percentFunded'),
          source: `fts:${file}`,
        };
        if (!current) {
          await tx.insert(plans).values(row);
          report.inserted++;
        } else if (sameRow(row, current)) report.unchanged++;
        else {
          await tx.update(plans).set(row).where(eq(plans.id, planId));
          report.updated++;
        }
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        reject(report, record.line, error.message);
      }
    }
  });
  report.totalUsd = formatThousandths(total, 'USD');
  return report;
}

/** FTS requirements_funding_cluster: plan × cluster requirements and funding. */
export async function importFtsClusters(db: Db, dir: string, file: string): Promise<ImportFileReport> {
  const report = emptyReport(file);
  const rows = readRows(report, path.join(dir, file));
  let total = 0n;
  await db.transaction(async (tx) => {
    const knownPlans = new Set((await tx.select({ id: plans.id }).from(plans)).map((p) => p.id));
    const existing = await tx.select().from(planClusters);
    const byKey = new Map(existing.map((r) => [`${r.planId}|${r.cluster}`, r]));
    for (const record of rows) {
      report.read++;
      const v = record.values;
      try {
        const planId = requiredInt(v, 'id');
        if (!knownPlans.has(planId)) throw new RowError(`id ${planId} is not a plan of the requirements file`);
        const row = {
          planId,
          cluster: requiredText(v, 'cluster'),
          clusterCode: optionalInt(v, 'clusterCode'),
          requirementsUsd: optionalAmount(v, 'requirements'),
          reportedFundingUsd: optionalAmount(v, 'funding'),
          reportedPercentFunded: optionalInt(v, 'percentFunded'),
        };
        if (row.reportedFundingUsd) total += toThousandths(row.reportedFundingUsd);
        const key = `${planId}|${row.cluster}`;
        const current = byKey.get(key);
        if (!current) {
          await tx.insert(planClusters).values(row);
          byKey.set(key, row);
          report.inserted++;
        } else if (sameRow(row, current)) report.unchanged++;
        else {
          await tx.update(planClusters).set(row).where(and(eq(planClusters.planId, planId), eq(planClusters.cluster, row.cluster)));
          byKey.set(key, row);
          report.updated++;
        }
      } catch (error) {
        if (!(error instanceof RowError)) throw error;
        reject(report, record.line, error.message);
      }
    }
  });
  report.totalUsd = formatThousandths(total, 'USD');
  return report;
}
