// The data scale factor behind `pnpm bench --scale=N` (issue 19): N× the generated incidents and
// every record keyed by one, 3W rows, access constraints, displacement rounds and funding flows,
// valid under the same constraints as the ×1 seed, labelled generated, skewed like real conflict
// data, and the ×1 and real rows untouched.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import { sharedDataDir, type Database } from '@peacegraph/kit';
import { MAX_SEED_SCALE, seedIncidents } from '@peacegraph/incidents';
import { GENERATED_FLOW_ID_PREFIX, GENERATED_FLOW_ORIGIN, generatedFlowRows } from '../../subgraphs/finance/src/seed/scaled-flows';
import { scaledHumanitarianRows } from '../../subgraphs/humanitarian/src/seed/scaled';
import { seedAll } from '../../scripts/seed/seed-all';
import { TEST_DATABASES } from '../databases';
import { generatedIncidents } from '../../subgraphs/incidents/src/seed/seed-incidents';
import { ADMIN_AREA_CATALOGUE } from '@peacegraph/reference';
import { INCIDENT_TEST_DATABASES, openIncidentsTestDatabase } from '../../subgraphs/incidents/src/testing';

const SCALE = 3;

test('the first incidents of a scaled seed are exactly the ×1 incidents', () => {
  const once = generatedIncidents(1);
  const scaled = generatedIncidents(SCALE);
  expect(scaled).toHaveLength(once.length * SCALE);
  const scaledById = new Map(scaled.map((g) => [g.row.id, g.row]));
  for (const { row } of once) expect(scaledById.get(row.id)).toEqual(row);
});

test.each([0, 1.5, -2, MAX_SEED_SCALE + 1])('scale %s is refused, naming the allowed range', (scale) => {
  expect(() => generatedIncidents(scale)).toThrow(`seed scale must be a whole number from 1 to ${MAX_SEED_SCALE}, got ${scale}`);
});

describe.each(INCIDENT_TEST_DATABASES)('scaled incidents seed on $label', (kind) => {
  let database: Database;
  // postgres.js returns the rows, PGlite an object holding them.
  const rowsOf = async (query: ReturnType<typeof sql>): Promise<{ n: number }[]> => {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
  };
  const scalar = async (query: ReturnType<typeof sql>): Promise<number> => Number((await rowsOf(query))[0]!.n);
  let once: { incidents: number; actors: number; casualties: number; sources: number; transitions: number; threats: number };
  const tally = async () => ({
    incidents: await scalar(sql`select count(*) as n from incidents.incidents`),
    actors: await scalar(sql`select count(*) as n from incidents.incident_actors`),
    casualties: await scalar(sql`select count(*) as n from incidents.casualty_counts`),
    sources: await scalar(sql`select count(*) as n from incidents.source_reports`),
    transitions: await scalar(sql`select count(*) as n from incidents.verification_transitions`),
    threats: await scalar(sql`select count(*) as n from incidents.threat_assessments`),
  });

  beforeAll(async () => {
    database = await openIncidentsTestDatabase(kind);
    await seedIncidents(database.db);
    once = await tally();
    await seedIncidents(database.db, { scale: SCALE });
  }, 180_000);
  afterAll(async () => {
    await database?.close();
  });

  test(`×${SCALE} holds ${SCALE}× the incidents and about ${SCALE}× every record keyed by one; threat levels stay as at ×1`, async () => {
    const now = await tally();
    expect(now.incidents).toBe(once.incidents * SCALE);
    for (const key of ['actors', 'casualties', 'sources', 'transitions'] as const) {
      expect(now[key] / once[key]).toBeGreaterThan(SCALE * 0.9);
      expect(now[key] / once[key]).toBeLessThan(SCALE * 1.1);
    }
    expect(now.threats).toBe(once.threats);
  });

  test('every generated row is labelled generated, in a known area, inside the generated period', async () => {
    expect(await scalar(sql`select count(*) as n from incidents.incidents where provenance <> 'generated' or not ('generated-demo' = any(tags)) or summary not like 'GENERATED DEMO DATA%'`)).toBe(0);
    expect(await scalar(sql`select count(*) as n from incidents.incidents where event_date < '2024-01-01' or event_date > '2025-06-30'`)).toBe(0);
    const pcodes = ADMIN_AREA_CATALOGUE.map((a) => a.pcode);
    const unknown = await scalar(sql`select count(*) as n from incidents.incidents where admin_area_pcode not in (${sql.join(pcodes.map((p) => sql`${p}`), sql`, `)})`);
    expect(unknown).toBe(0);
  });

  // The ×1 profiles' skew (weighted towns), kept at every scale: the busiest fifth of areas holds
  // well over twice its even share.
  test('skewed like conflict data: the busiest fifth of areas holds far more than a fifth of events', async () => {
    const perArea = (await rowsOf(sql`select admin_area_pcode, count(*)::int as n from incidents.incidents group by admin_area_pcode order by n desc`)).map((r) => Number(r.n));
    const total = perArea.reduce((a, b) => a + b, 0);
    const topFifth = perArea.slice(0, Math.ceil(perArea.length / 5)).reduce((a, b) => a + b, 0);
    expect(topFifth / total).toBeGreaterThan(0.38);
  });

  test('seeding the same scale again adds nothing', async () => {
    expect((await seedIncidents(database.db, { scale: SCALE })).inserted).toBe(0);
  });
});

// The same factor over every domain (issue 19): 3W rows, access constraints, displacement rounds
// and funding flows too, skewed towards a few missions and areas, the real rows untouched.
test('at ×1 nothing is added to the humanitarian demo rows, and no funding flow is generated', () => {
  expect(scaledHumanitarianRows(1)).toEqual({ presence: [], accessConstraints: [], displacement: [] });
  expect(() => scaledHumanitarianRows(MAX_SEED_SCALE + 1)).toThrow(RangeError);
});

test('generated funding flows carry their own id prefix and origin, no FTS id and no plan', () => {
  const flows = generatedFlowRows(50);
  expect(new Set(flows.map((f) => f.id)).size).toBe(50);
  for (const f of flows) {
    expect(f.id.startsWith(GENERATED_FLOW_ID_PREFIX) && !f.id.startsWith('FTS-')).toBe(true);
    expect(f).toMatchObject({ origin: GENERATED_FLOW_ORIGIN, ftsId: null, destinationPlanId: null });
    expect(f.origin.startsWith('fts:')).toBe(false);
    expect(f.description).toMatch(/^GENERATED DEMO DATA/);
  }
  expect(generatedFlowRows(60).slice(0, 50)).toEqual(flows);
});

describe.each(TEST_DATABASES)('scaled seed of every domain on $label', (kind) => {
  let database: Database;
  const rowsOf = async (query: ReturnType<typeof sql>): Promise<Record<string, unknown>[]> => {
    const result = await database.db.execute(query);
    return (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as Record<string, unknown>[];
  };
  const scalar = async (query: ReturnType<typeof sql>) => Number(Object.values((await rowsOf(query))[0]!)[0]);
  const COUNTED = {
    incidents: sql`select count(*) from incidents.incidents`,
    actors: sql`select count(*) from incidents.incident_actors`,
    casualties: sql`select count(*) from incidents.casualty_counts`,
    presence: sql`select count(*) from humanitarian.operational_presence where source = 'generated'`,
    accessConstraints: sql`select count(*) from humanitarian.access_constraints where source = 'generated'`,
    displacement: sql`select count(*) from humanitarian.displacement where source = 'generated'`,
    ftsFlows: sql`select count(*) from finance.funding_flows where origin like 'fts:%'`,
    generatedFlows: sql`select count(*) from finance.funding_flows where origin = ${GENERATED_FLOW_ORIGIN}`,
  };
  // The ×1 rows, each table's text in key order: a scaled seed must leave every one of them as it was.
  const DIGESTS = {
    presence: sql`select md5(string_agg(t::text, '|' order by t.id)) from humanitarian.operational_presence t where t.id not like 'demo-3w-scale-%'`,
    accessConstraints: sql`select md5(string_agg(t::text, '|' order by t.id)) from humanitarian.access_constraints t where t.id not like 'demo-access-scale-%'`,
    displacement: sql`select md5(string_agg(t::text, '|' order by t.id)) from humanitarian.displacement t where t.reporting_round <= 4`,
    ftsFlows: sql`select md5(string_agg(t::text, '|' order by t.id)) from finance.funding_flows t where t.origin like 'fts:%'`,
    plans: sql`select md5(string_agg(t::text, '|' order by t.id)) from finance.plans t`,
    planFunding: sql`select md5(string_agg(destination_plan_id || ':' || usd, '|' order by destination_plan_id)) from (select destination_plan_id, sum(amount_usd)::text as usd from finance.funding_flows where destination_plan_id is not null group by 1) s`,
    contributions: sql`select md5(string_agg(t::text, '|' order by t.id)) from missions.contributions t`,
  };
  const measure = async <K extends string>(queries: Record<K, ReturnType<typeof sql>>) => {
    const out = {} as Record<K, string>;
    for (const [key, query] of Object.entries(queries) as [K, ReturnType<typeof sql>][]) out[key] = String(Object.values((await rowsOf(query))[0]!)[0]);
    return out;
  };
  let once: Record<keyof typeof COUNTED, number>;
  let scaled: Record<keyof typeof COUNTED, number>;
  let digestsOnce: Record<keyof typeof DIGESTS, string>;
  const counts = async () => Object.fromEntries(Object.entries(await measure(COUNTED)).map(([k, v]) => [k, Number(v)])) as Record<keyof typeof COUNTED, number>;

  beforeAll(async () => {
    database = await kind.createSeeded!();
    once = await counts();
    digestsOnce = await measure(DIGESTS);
    await seedAll(database, sharedDataDir, { scale: SCALE });
    scaled = await counts();
  }, 600_000);
  afterAll(async () => {
    await database?.close();
  });

  test(`×${SCALE} holds ${SCALE}× the ×1 generated rows of every domain, and generated flows ${SCALE - 1}× the FTS flows beside them`, () => {
    for (const key of ['incidents', 'presence', 'accessConstraints', 'displacement'] as const) expect(scaled[key], key).toBe(once[key] * SCALE);
    for (const key of ['actors', 'casualties'] as const) {
      expect(scaled[key] / once[key], key).toBeGreaterThan(SCALE * 0.9);
      expect(scaled[key] / once[key], key).toBeLessThan(SCALE * 1.1);
    }
    expect(once.generatedFlows).toBe(0);
    expect(once.ftsFlows).toBeGreaterThan(0);
    expect(scaled.ftsFlows).toBe(once.ftsFlows);
    expect(scaled.generatedFlows).toBe(once.ftsFlows * (SCALE - 1));
  });

  test('the ×1 rows — the real FTS flows, plans, contributions and the ×1 demo rows — are byte for byte as before', async () => {
    expect(await measure(DIGESTS)).toEqual(digestsOnce);
  });

  test('every funding flow that is not imported from FTS is a labelled generated one', async () => {
    expect(await scalar(sql`select count(*) from finance.funding_flows where origin not like 'fts:%' and not (id like ${`${GENERATED_FLOW_ID_PREFIX}%`} and origin = ${GENERATED_FLOW_ORIGIN} and fts_id is null and destination_plan_id is null and description like 'GENERATED DEMO DATA%')`)).toBe(0);
    expect(await scalar(sql`select count(*) from finance.funding_flows where origin like 'fts:%' and id like ${`${GENERATED_FLOW_ID_PREFIX}%`}`)).toBe(0);
  });

  // Zipf weights over areas ranked by the incidents' towns: the busiest fifth of areas holds a
  // majority of the whole table at ×3 already (×1 rows are spread evenly), more of the added rows.
  test.each([
    ['humanitarian.operational_presence', 'demo-3w-scale-%'],
    ['humanitarian.access_constraints', 'demo-access-scale-%'],
  ])('%s is skewed: the busiest fifth of areas, and the busiest mission, hold a majority', async (table, scaledIds) => {
    const shareOfTop = async (column: string, where: ReturnType<typeof sql>, fifth: boolean) => {
      const counts = (await rowsOf(sql`select count(*)::int as n from ${sql.raw(table)} where ${where} group by ${sql.raw(column)} order by n desc`)).map((r) => Number(r.n));
      const total = counts.reduce((a, b) => a + b, 0);
      return counts.slice(0, fifth ? Math.ceil(counts.length / 5) : 1).reduce((a, b) => a + b, 0) / total;
    };
    expect(await shareOfTop('admin_area_pcode', sql`true`, true)).toBeGreaterThan(0.5);
    expect(await shareOfTop('admin_area_pcode', sql`id like ${scaledIds}`, true)).toBeGreaterThan(0.6);
    expect(await shareOfTop('mission_id', sql`id like ${scaledIds}`, false)).toBeGreaterThan(0.5);
  });

  test('generated funding flows are skewed: the busiest fifth of donors and the busiest country hold a majority', async () => {
    const shares = async (column: string) => {
      const counts = (await rowsOf(sql`select count(*)::int as n from finance.funding_flows where origin = ${GENERATED_FLOW_ORIGIN} group by ${sql.raw(column)} order by n desc`)).map((r) => Number(r.n));
      const total = counts.reduce((a, b) => a + b, 0);
      return { fifth: counts.slice(0, Math.ceil(counts.length / 5)).reduce((a, b) => a + b, 0) / total, first: counts[0]! / total };
    };
    expect((await shares('source_organization_name')).fifth).toBeGreaterThan(0.55);
    expect((await shares('destination_locations')).first).toBeGreaterThan(0.5);
  });

  test('seeding the same scale again adds nothing', async () => {
    await seedAll(database, sharedDataDir, { scale: SCALE });
    expect(await counts()).toEqual(scaled);
    expect(await measure(DIGESTS)).toEqual(digestsOnce);
  }, 300_000);
});
