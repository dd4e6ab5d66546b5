// The data scale factor behind `pnpm bench --scale=N` (issue 19): N× the generated incidents and
// every record keyed by one, valid under the same constraints as the ×1 seed, labelled generated,
// skewed like real conflict data, and the ×1 rows untouched.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { sql } from 'drizzle-orm';
import type { Database } from '@peacegraph/kit';
import { MAX_SEED_SCALE, seedIncidents } from '@peacegraph/incidents';
import { generatedIncidents } from '../subgraphs/incidents/src/seed/seed-incidents';
import { ADMIN_AREA_CATALOGUE } from '../scripts/seed/reference/admin-areas';
import { INCIDENT_TEST_DATABASES, openIncidentsTestDatabase } from '../subgraphs/incidents/src/testing/fixtures';

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
