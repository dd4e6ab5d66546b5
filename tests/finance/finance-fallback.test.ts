// A clone without ../shared still seeds finance from the shipped FTS excerpt.
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, sharedDataDir } from '@peacegraph/kit';
import { importFts, seedFinance } from '@peacegraph/finance';
import { FALLBACK_FTS_DIR, FTS_FILES } from '../../subgraphs/finance/src/import/fts-files';
import { startFinanceTest, type FinanceTest } from '../../subgraphs/finance/src/testing';
import { TEST_DATABASES } from '../databases';

const FLOW_FILES = FTS_FILES.flows;

describe('the shipped FTS excerpt', () => {
  it.runIf(existsSync(path.join(sharedDataDir, 'fts')))('holds rows copied unchanged from the real files', () => {
    for (const file of [...FLOW_FILES, FTS_FILES.requirements, ...FTS_FILES.clusters]) {
      const original = readFileSync(path.join(sharedDataDir, 'fts', file), 'utf8');
      const excerpt = readCsv(path.join(FALLBACK_FTS_DIR, file));
      expect(excerpt.rows.length).toBeGreaterThan(0);
      for (const record of excerpt.rows) expect(original.includes(record.raw)).toBe(true);
    }
  });
});

describe.each(TEST_DATABASES)('seeding without ../shared on $label', (kind) => {
  let t: FinanceTest;
  const noSharedData = mkdtempSync(path.join(tmpdir(), 'no-shared-'));
  beforeAll(async () => {
    t = await startFinanceTest(await kind.create(), { seed: false });
  });
  afterAll(() => t?.close());

  it('imports the excerpt, row for row and dollar for dollar, and says it did', async () => {
    const { summary } = await seedFinance(t.database.db, noSharedData);
    expect(summary.some((line) => line.includes('shipped excerpt'))).toBe(true);
    const report = await importFts(t.database.db, noSharedData);
    expect(report.fallback).toBe(true);
    for (const file of FLOW_FILES) {
      const records = readCsv(path.join(FALLBACK_FTS_DIR, file)).rows;
      const usd = records.reduce((s, r) => s + BigInt(r.values.amountUSD!), 0n);
      expect(report.files.find((f) => f.file === file)).toMatchObject({ read: records.length, unchanged: records.length, rejected: 0, totalUsd: `${usd}.00` });
    }
    const result = await t.run('public', `{ plan(code: "HAFG20") { requirementsUsd reportedFundingUsd } missionBudgets(missionId: "UNIFIL") { nodes { approvedAmount } } }`);
    expect(result.data).toEqual({ plan: { requirementsUsd: '1131050820.00', reportedFundingUsd: '564467765.00' }, missionBudgets: { nodes: [{ approvedAmount: '582630000.00' }] } });
  });
});
