import path from 'node:path';
import { eq, inArray } from 'drizzle-orm';
import { formatMoneyAmount, type Db } from '@peacegraph/kit';
import { fundingFlows, type FundingFlowRow, type NewFundingFlowRow } from '../funding-flow/funding-flow.table';
import { formatThousandths, toThousandths } from '../money/decimal';
import { organizationIdForName } from '../organization/organization-catalogue';
import {
  list, oneOf, optionalAmount, optionalCurrency, optionalDate, optionalInt, optionalRate, optionalText, requiredAmount, requiredInt, RowError,
} from './fts-values';
import { emptyReport, readRows, reject, sameRow, type ImportFileReport } from './import-report';

const STATUSES = ['pledge', 'commitment', 'paid'] as const;
const BOUNDARIES = ['incoming', 'outgoing', 'internal'] as const;
const CONTRIBUTION_TYPES = ['financial', 'in kind'] as const;
/** Columns the importer owns; `recordedAt` / `recordedBy` describe our copy, not the flow. */
const IGNORED_ON_COMPARE = ['recordedAt', 'recordedBy'];

/** A stored flow as the importer writes it: the original amount in its currency's minor units (the column holds 3 decimals). */
function asImported(row: FundingFlowRow): FundingFlowRow {
  return { ...row, originalAmount: row.originalAmount && row.originalCurrency ? formatMoneyAmount(row.originalAmount, row.originalCurrency) : row.originalAmount };
}

/** One FTS flow export row → our row. Throws RowError naming the column at fault. */
export function flowFromFts(values: Record<string, string>, origin: string): NewFundingFlowRow {
  const ftsId = requiredInt(values, 'id');
  const sourceName = optionalText(values, 'srcOrganization');
  const destinationName = optionalText(values, 'destOrganization');
  const originalCurrency = optionalCurrency(values, 'originalCurrency');
  const exchangeRate = optionalRate(values, 'exchangeRate');
  const originalAmount = optionalAmount(values, 'originalAmount', originalCurrency ?? 'USD');
  if (originalAmount !== null && originalCurrency === null) throw new RowError('originalCurrency is empty while originalAmount is set');
  const flowDate = optionalDate(values, 'date');
  return {
    id: `FTS-${ftsId}`,
    ftsId,
    origin,
    flowDate,
    budgetYear: optionalInt(values, 'budgetYear'),
    description: optionalText(values, 'description'),
    amountUsd: requiredAmount(values, 'amountUSD'),
    originalAmount,
    originalCurrency,
    exchangeRate,
    // FTS converts at the rate of the flow's date; we record that date beside the rate.
    exchangeRateDate: exchangeRate ? flowDate : null,
    sourceOrganizationName: sourceName,
    sourceOrganizationId: organizationIdForName(sourceName),
    sourceOrganizationTypes: optionalText(values, 'srcOrganizationTypes'),
    sourceLocations: list(values, 'srcLocations'),
    sourceUsageYearStart: optionalInt(values, 'srcUsageYearStart'),
    sourceUsageYearEnd: optionalInt(values, 'srcUsageYearEnd'),
    destinationPlanId: optionalInt(values, 'destPlanId'),
    destinationPlanCode: optionalText(values, 'destPlanCode'),
    destinationPlanName: optionalText(values, 'destPlan'),
    destinationOrganizationName: destinationName,
    destinationOrganizationId: organizationIdForName(destinationName),
    destinationOrganizationTypes: optionalText(values, 'destOrganizationTypes'),
    destinationGlobalClusters: list(values, 'destGlobalClusters'),
    destinationLocations: list(values, 'destLocations'),
    destinationProject: optionalText(values, 'destProject'),
    destinationProjectCode: optionalText(values, 'destProjectCode'),
    destinationEmergency: optionalText(values, 'destEmergency'),
    destinationUsageYearStart: optionalInt(values, 'destUsageYearStart'),
    destinationUsageYearEnd: optionalInt(values, 'destUsageYearEnd'),
    contributionType: oneOf(values, 'contributionType', CONTRIBUTION_TYPES),
    flowType: optionalText(values, 'flowType'),
    method: optionalText(values, 'method'),
    boundary: oneOf(values, 'boundary', BOUNDARIES),
    onBoundary: optionalText(values, 'onBoundary'),
    status: oneOf(values, 'status', STATUSES),
    firstReportedDate: optionalDate(values, 'firstReportedDate'),
    decisionDate: optionalDate(values, 'decisionDate'),
    keywords: optionalText(values, 'keywords'),
    refCode: optionalText(values, 'refCode'),
    ftsCreatedAt: optionalDate(values, 'createdAt'),
    ftsUpdatedAt: optionalDate(values, 'updatedAt'),
    // FTS publishes flows from donors who asked for anonymity without a source organisation.
    confidential: sourceName === null,
    confidentialReason: sourceName === null ? 'ANONYMOUS_DONOR' : null,
    recordedBy: 'fts-import',
  };
}

/**
 * Imports one FTS flow export. Re-runnable: a flow already present with the same values is
 * `unchanged`, one whose values changed upstream is `updated`. One transaction per file.
 */
export async function importFtsFlows(db: Db, dir: string, file: string): Promise<ImportFileReport> {
  const report = emptyReport(file);
  const rows = readRows(report, path.join(dir, file));
  const origin = `fts:${file}`;
  const accepted = new Map<number, NewFundingFlowRow>();
  let total = 0n;
  for (const record of rows) {
    report.read++;
    try {
      const row = flowFromFts(record.values, origin);
      if (accepted.has(row.ftsId!)) throw new RowError(`id ${row.ftsId} appears twice in the file`);
      accepted.set(row.ftsId!, row);
      total += toThousandths(row.amountUsd);
    } catch (error) {
      if (!(error instanceof RowError)) throw error;
      reject(report, record.line, error.message);
    }
  }
  report.totalUsd = formatThousandths(total, 'USD');
  await db.transaction(async (tx) => {
    const ids = [...accepted.keys()];
    const existing = ids.length ? await tx.select().from(fundingFlows).where(inArray(fundingFlows.ftsId, ids)) : [];
    const existingById = new Map(existing.map((r) => [r.ftsId!, r]));
    const fresh: NewFundingFlowRow[] = [];
    for (const [ftsId, row] of accepted) {
      const current = existingById.get(ftsId);
      if (!current) fresh.push(row);
      else if (sameRow(row, asImported(current), IGNORED_ON_COMPARE)) report.unchanged++;
      else {
        await tx.update(fundingFlows).set(row).where(eq(fundingFlows.ftsId, ftsId));
        report.updated++;
      }
    }
    for (let i = 0; i < fresh.length; i += 200) await tx.insert(fundingFlows).values(fresh.slice(i, i + 200));
    report.inserted += fresh.length;
  });
  return report;
}
