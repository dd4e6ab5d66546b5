// FTS import: row counts and USD totals match the files; plan funding % per the FTS definition.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readCsv, sharedDataDir } from '@peacegraph/kit';
import { importFts } from '@peacegraph/finance';
import { importFtsFlows } from '../../subgraphs/finance/src/import/import-fts-flows';
import { startFinanceTest, type FinanceTest } from '../../subgraphs/finance/src/testing';
import { TEST_DATABASES } from '../databases';
import { hasSharedData } from '../shared-data';

const FTS_DIR = path.join(sharedDataDir, 'fts');
const FLOW_FILES = ['fts_incoming_funding_afg.csv', 'fts_incoming_funding_pse.csv'];

/** Sum of an integer-dollar column of a file, in dollars (bigint, exact). */
function fileSum(file: string, keep: (v: Record<string, string>) => boolean = () => true): { rows: number; usd: bigint } {
  const records = readCsv(path.join(FTS_DIR, file)).rows.filter((r) => keep(r.values));
  return { rows: records.length, usd: records.reduce((s, r) => s + BigInt(r.values.amountUSD || '0'), 0n) };
}

// The real FTS files only (a clone without ../shared/data seeds from a shipped excerpt instead).
describe.skipIf(!hasSharedData('fts')).each(TEST_DATABASES)('FTS import on $label', (kind) => {
  let t: FinanceTest;
  beforeAll(async () => {
    t = await startFinanceTest(await kind.create());
  });
  afterAll(() => t?.close());

  it('the parser reads the files as Python csv does (328 and 338 flows; USD 754,117,611 and 405,982,143)', () => {
    // Independent figures: Python's csv.DictReader over the same files.
    expect(fileSum(FLOW_FILES[0]!)).toEqual({ rows: 328, usd: 754117611n });
    expect(fileSum(FLOW_FILES[1]!)).toEqual({ rows: 338, usd: 405982143n });
  });

  it('stores every flow of each file, with the file’s USD total to the cent', async () => {
    for (const file of FLOW_FILES) {
      const expected = fileSum(file);
      const rows = await t.database.db.execute<{ n: number; usd: string }>(
        sql`select count(*)::int as n, sum(amount_usd)::text as usd from finance.funding_flows where origin = ${`fts:${file}`}`,
      );
      const [row] = Array.isArray(rows) ? rows : (rows as unknown as { rows: { n: number; usd: string }[] }).rows;
      expect(row).toEqual({ n: expected.rows, usd: `${expected.usd}.00` });
    }
  });

  it('re-running the importer changes nothing and says so', async () => {
    const report = await importFts(t.database.db, sharedDataDir);
    for (const file of report.files) {
      expect(file).toMatchObject({ inserted: 0, updated: 0, rejected: 0, unchanged: file.read });
    }
    const flows = report.files.find((f) => f.file === FLOW_FILES[0])!;
    expect(flows.read).toBe(328);
    expect(flows.totalUsd).toBe('754117611.00');
  });

  it('updates a flow whose values differ from the file, and only that one', async () => {
    await t.database.exec(`update finance.funding_flows set amount_usd = 1 where id = 'FTS-228238'`);
    const report = await importFts(t.database.db, sharedDataDir);
    expect(report.files.find((f) => f.file === FLOW_FILES[0])).toMatchObject({ updated: 1, inserted: 0, unchanged: 327 });
    const result = await t.run('public', `{ fundingFlow(id: "FTS-228238") { amountUsd originalAmount originalCurrency exchangeRate exchangeRateDate } }`);
    expect(result.data!.fundingFlow).toEqual({ amountUsd: '606796.00', originalAmount: '500000.00', originalCurrency: 'EUR', exchangeRate: '0.824000', exchangeRateDate: '2021-02-25' });
  });

  it('a row the CSV reader cannot use is rejected with its line; the rows around it are imported', async () => {
    const file = FLOW_FILES[0]!;
    const csv = readCsv(path.join(FTS_DIR, file));
    const dir = mkdtempSync(path.join(tmpdir(), 'fts-'));
    writeFileSync(path.join(dir, file), [csv.headerRaw, csv.rows[0]!.raw, '1,2,3', csv.rows[1]!.raw, ''].join('\n'));
    const report = await importFtsFlows(t.database.db, dir, file);
    expect(report).toMatchObject({ read: 3, unchanged: 2, inserted: 0, updated: 0, rejected: 1 });
    expect(report.rejections).toEqual([{ line: 2 + csv.rows[0]!.raw.split('\n').length, reason: `expected ${csv.header.length} fields, found 3` }]);
  });

  it('imports plans and clusters with the files’ requirements', async () => {
    const result = await t.run('public', `{ plans(countryIso3: "AFG") { code requirementsUsd reportedFundingUsd reportedPercentFunded clusters { cluster requirementsUsd fundingUsd percentFunded reportedPercentFunded } } }`);
    expect(result.errors).toBeUndefined();
    const plans = result.data!.plans as { code: string; requirementsUsd: string | null; clusters: { cluster: string; requirementsUsd: string | null; percentFunded: string | null; reportedPercentFunded: number | null }[] }[];
    expect(plans.map((p) => p.code)).toEqual(['HAFG20', 'OGLBL20']);
    const afg = plans[0]!;
    expect(afg.requirementsUsd).toBe('1131050820.00');
    const clusterFile = readCsv(path.join(FTS_DIR, 'fts_requirements_funding_cluster_global.csv')).rows.filter((r) => r.values.id === '929');
    expect(afg.clusters).toHaveLength(clusterFile.length);
    // Our exact percentage rounds to the whole number FTS publishes, for every cluster with requirements.
    for (const c of afg.clusters.filter((c) => c.requirementsUsd && c.reportedPercentFunded !== null)) {
      expect(Math.round(Number(c.percentFunded))).toBe(c.reportedPercentFunded);
    }
  });

  it('plan funding = paid + committed flows to the plan (pledges excluded), over requirements', async () => {
    for (const [code, planId] of [['HAFG20', '929'], ['HPSE20', '832']] as const) {
      const funded = FLOW_FILES.map((f) => fileSum(f, (v) => v.destPlanId === planId && (v.status === 'paid' || v.status === 'commitment')).usd).reduce((a, b) => a + b, 0n);
      const requirements = BigInt(readCsv(path.join(FTS_DIR, 'fts_requirements_funding_global.csv')).rows.find((r) => r.values.id === planId)!.values.requirements!);
      const expectedPercent = (Number((funded * 1000000n) / requirements) / 10000).toFixed(2);
      const result = await t.run('public', `query ($code: String) { plan(code: $code) { fundingUsd percentFunded } }`, { code });
      expect(result.data!.plan).toEqual({ fundingUsd: `${funded}.00`, percentFunded: expectedPercent });
    }
  });
});
