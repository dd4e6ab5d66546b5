import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { auditEvents, readCsv, sharedDataDir, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildMissionsSubgraph } from '@peacegraph/missions';
import { seedGeneratedMissionsData, seedMandates, type MissionsSeedReport } from '@peacegraph/missions';
import { MISSIONS_DATA_FILES } from '../../subgraphs/missions/src/import';
import { demoIdentity, runner, seedMissionsDatabase } from '../../subgraphs/missions/src/testing';
import { RESOLUTION_CATALOGUE } from '@peacegraph/reference';
import { TEST_DATABASES } from '../databases';

/** The file comparisons need the real files; without them the seed falls back to the committed excerpt. */
const hasSharedData = Object.values(MISSIONS_DATA_FILES).every((name) => existsSync(path.join(sharedDataDir, name)));

type Point = { latitude: number; longitude: number; precision: string };
type Site = { id: string; location: string; isCurrentPosition: boolean; identifiesCurrentPosition: boolean; point: Point };

/** Sums of the contributions file for a year (optionally one mission), straight from the CSV text. */
function fileTotals(year: number, mission?: string) {
  const byCountry = new Map<string, { female: number; male: number; total: number }>();
  for (const { values } of readCsv(path.join(sharedDataDir, MISSIONS_DATA_FILES.contributions), []).rows) {
    if (Number(values.year) !== year || (mission && values.mission !== mission)) continue;
    const sum = byCountry.get(values.country!) ?? { female: 0, male: 0, total: 0 };
    byCountry.set(values.country!, { female: sum.female + Number(values.female), male: sum.male + Number(values.male), total: sum.total + Number(values.total) });
  }
  return byCountry;
}

describe.each(TEST_DATABASES)('missions and mandates on $label', (kind) => {
  let database: Database;
  let built: BuiltSubgraph;
  let seeded: MissionsSeedReport;
  const run = runner(() => built, () => database);
  const pub = demoIdentity('public');
  const missionHq = demoIdentity('mission-ops');

  beforeAll(async () => {
    database = await kind.create();
    seeded = await seedMissionsDatabase(database);
    built = await buildMissionsSubgraph();
  }, 300_000);
  afterAll(() => database?.close());

  it('seeds curated resolutions and labelled generated rows once; re-seeding changes nothing', async () => {
    expect(seeded.mandates.resolutions.inserted).toBe(RESOLUTION_CATALOGUE.length);
    expect(seeded.generated.trainingRecords).toBeGreaterThan(0);
    expect(seeded.generated.indicators).toBeGreaterThan(0);
    expect(await seedMandates(database.db)).toMatchObject({
      resolutions: { inserted: 0, updated: 0 },
      tasks: { inserted: 0, updated: 0 },
      authorizedStrengths: { inserted: 0, updated: 0 },
    });
    expect(await seedGeneratedMissionsData(database.db)).toEqual({ trainingRecords: 0, indicators: 0, measurements: 0 });
  });

  it("serves MINUSCA's mandate history in order, from its establishing resolution", async () => {
    const result = await run(pub, `{ mandateHistory(missionId: "MINUSCA") { symbol adoptedOn kind mandateExpiresOn votesInFavour votesAgainst abstentions
      authorizedUniformed authorizedStrengths { personnelType ceiling includedIn } tasks { position category priority } mission { acronym } } }`);
    expect(result.errors).toBeUndefined();
    const history = result.data!.mandateHistory as Record<string, any>[];
    const expected = RESOLUTION_CATALOGUE.filter((r) => r.missionId === 'MINUSCA').sort((a, b) => a.adoptedOn.localeCompare(b.adoptedOn));
    expect(history.map((r) => r.symbol)).toEqual(expected.map((r) => r.symbol));
    expect(history[0]).toMatchObject({
      symbol: 'S/RES/2149 (2014)',
      adoptedOn: '2014-04-10',
      kind: 'ESTABLISHMENT',
      mandateExpiresOn: '2015-04-30',
      votesInFavour: 15,
      votesAgainst: 0,
      abstentions: 0,
      // 10,000 military + 1,800 police; observers, staff officers and police units are parts of those.
      authorizedUniformed: 11800,
      mission: { acronym: 'MINUSCA' },
    });
    expect(history[0]!.authorizedStrengths.slice(0, 2).map((s: { includedIn: string | null }) => s.includedIn)).toEqual([null, null]);
    expect(history[0]!.tasks[0]).toEqual({ position: 1, category: 'PROTECTION_OF_CIVILIANS', priority: 'PRIORITY' });
    const renewal2023 = history.find((r) => r.symbol === 'S/RES/2709 (2023)')!;
    expect(renewal2023).toMatchObject({ kind: 'RENEWAL', mandateExpiresOn: '2024-11-15', votesInFavour: null, authorizedUniformed: 17420 });
  });

  it('filters missions by host country, date, type, status and text', async () => {
    const ids = async (filter: Record<string, unknown>) => {
      const result = await run(pub, `query ($f: MissionFilterInput) { missions(filter: $f, page: {first: 500}) { nodes { id } } }`, { f: filter });
      expect(result.errors).toBeUndefined();
      return (result.data!.missions as { nodes: { id: string }[] }).nodes.map((n) => n.id);
    };
    // MINURCAT (2007–2010) covered the Central African Republic before MINUSCA (2014–).
    expect(await ids({ hostCountryIso3: 'caf', activeOn: '2009-01-01' })).toEqual(['MINURCAT']);
    expect(await ids({ hostCountryIso3: 'CAF', activeOn: '2024-06-30' })).toEqual(['MINUSCA']);
    expect(await ids({ search: 'haiti' })).toEqual(['MINUJUSTH', 'MINUSTAH']);
    expect(await ids({ missionType: 'SPM', source: 'curated' })).toEqual(['UNAMA']);
    expect(await ids({ status: 'CLOSED', search: 'Mali' })).toEqual(['MINUSMA']);
    const bad = await run(pub, `{ missions(filter: {activeOn: "2024-6-30"}) { nodes { id } } }`);
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'filter.activeOn' });
  });

  it.skipIf(!hasSharedData)('compares deployed with authorized strength, in the latest complete year of the data', async () => {
    const result = await run(pub, `{ mission(acronym: "minusca") { deployedUniformedPersonnel
      deployedStrength { year completeYear deployedUniformed authorizedUniformed gap authorizedBySymbol }
      partial: deployedStrength(year: 2021) { completeYear }
      genderShare { year femaleShare meetsTarget target { category targetShare targetYear } } } }`);
    expect(result.errors).toBeUndefined();
    const mission = result.data!.mission as Record<string, any>;
    const file2020 = [...fileTotals(2020, 'MINUSCA').values()].reduce((a, b) => ({ female: a.female + b.female, male: a.male + b.male, total: a.total + b.total }));
    expect(mission.deployedStrength).toEqual({
      year: 2020,
      completeYear: true,
      deployedUniformed: file2020.total.toFixed(2),
      authorizedUniformed: 13730,
      gap: 13730 - Math.round(file2020.total),
      authorizedBySymbol: 'S/RES/2552 (2020)',
    });
    expect(mission.deployedUniformedPersonnel).toBe(Math.round(file2020.total));
    // The file's 2021 holds January only, averaged over twelve months.
    expect(mission.partial).toEqual({ completeYear: false });
    expect(mission.genderShare).toEqual({
      year: 2020,
      femaleShare: Math.round((file2020.female / (file2020.female + file2020.male)) * 10000) / 10000,
      meetsTarget: false,
      target: { category: 'MILITARY_CONTINGENTS', targetShare: 0.15, targetYear: 2028 },
    });
  });

  it.skipIf(!hasSharedData)('ranks contributors overall and per mission as the file adds up, with gender share per contributor', async () => {
    const result = await run(pub, `{ overall: contributorRanking(year: 2020, top: 5) { rank contributorName total genderShare { femaleShare } contributor { iso3 } }
      minusca: contributorRanking(year: 2020, missionId: "MINUSCA", top: 3) { rank contributorName total missionCount }
      genderParityTargets { category targetShare }
      country(iso3: "RWA") { uniformedGenderShare(year: 2020) { year female male femaleShare } } }`);
    expect(result.errors).toBeUndefined();
    const ranked = (totals: Map<string, { total: number }>) => [...totals].sort((a, b) => b[1].total - a[1].total);
    const overall = ranked(fileTotals(2020));
    const served = result.data!.overall as Record<string, any>[];
    expect(served.map((r) => [r.rank, r.contributorName, r.total])).toEqual(overall.slice(0, 5).map(([name, t], i) => [i + 1, name, t.total.toFixed(2)]));
    const top = fileTotals(2020).get(served[0]!.contributorName)!;
    expect(served[0]!.genderShare.femaleShare).toBe(Math.round((top.female / (top.female + top.male)) * 10000) / 10000);
    expect(served[0]!.contributor.iso3).toMatch(/^[A-Z]{3}$/);
    const minusca = ranked(fileTotals(2020, 'MINUSCA'));
    expect((result.data!.minusca as Record<string, any>[]).map((r) => [r.contributorName, r.total, r.missionCount])).toEqual(
      minusca.slice(0, 3).map(([name, t]) => [name, t.total.toFixed(2), 1]),
    );
    expect((result.data!.genderParityTargets as { targetShare: number }[]).map((t) => t.targetShare)).toEqual([0.15, 0.25, 0.2, 0.3]);
    const rwanda = fileTotals(2020).get('Rwanda')!;
    expect((result.data!.country as any).uniformedGenderShare).toEqual({
      year: 2020,
      female: rwanda.female.toFixed(2),
      male: rwanda.male.toFixed(2),
      femaleShare: Math.round((rwanda.female / (rwanda.female + rwanda.male)) * 10000) / 10000,
    });
  });

  describe('deployment sites: current positions are SECURITY_OPERATIONS, coarsened for others, never dropped', () => {
    const SITES = `query ($m: ID!, $y: Int) { mission(id: $m) { deploymentSites(year: $y) { id location isCurrentPosition identifiesCurrentPosition point { latitude longitude precision } } } }`;
    const sites = async (identity = pub, missionId = 'MINUSCA', year?: number) => {
      const result = await run(identity, SITES, { m: missionId, y: year ?? null });
      expect(result.errors).toBeUndefined();
      return (result.data!.mission as { deploymentSites: Site[] }).deploymentSites;
    };

    it('the mission itself sees exact current positions; the public, NGOs and other agencies get the same sites rounded', async () => {
      const exact = await sites(missionHq);
      expect(exact.length).toBeGreaterThan(10);
      expect(exact.every((s) => s.isCurrentPosition && s.point.precision === 'EXACT')).toBe(true);
      for (const audience of ['public', 'ngo-partner', 'un-agency', 'donor']) {
        const coarse = await sites(demoIdentity(audience));
        expect(coarse.map((s) => s.id), audience).toEqual(exact.map((s) => s.id));
        coarse.forEach((site, i) => {
          const precise = exact[i]!.point;
          expect(site.point).toEqual({ latitude: Math.round(precise.latitude * 10) / 10, longitude: Math.round(precise.longitude * 10) / 10, precision: 'ROUNDED_0_1_DEGREE' });
        });
      }
      // The rounding really hides something: some exact points are not on the 0.1° grid.
      expect(exact.some((s) => s.point.latitude !== Math.round(s.point.latitude * 10) / 10)).toBe(true);
      // The NGO's one read is one audit event naming every site it got rounded.
      const coarsened = await database.db
        .select({ entityIds: auditEvents.entityIds })
        .from(auditEvents)
        .where(and(eq(auditEvents.entityType, 'DeploymentSite'), eq(auditEvents.decision, 'COARSENED'), eq(auditEvents.organizationId, 'nrc')));
      expect(coarsened).toHaveLength(1);
      expect([...coarsened[0]!.entityIds].sort()).toEqual(exact.map((s) => String(s.id)).sort());
    });

    it.skipIf(!hasSharedData)("MINUSCA's staff get another mission's current positions rounded; historical sites are exact for everyone unless they name a current site", async () => {
      const monusco = await sites(missionHq, 'MONUSCO');
      expect(monusco.length).toBeGreaterThan(0);
      expect(monusco.every((s) => s.point.precision === 'ROUNDED_0_1_DEGREE')).toBe(true);
      const history = await sites(pub, 'MINUSCA', 2019);
      expect(history.length).toBeGreaterThan(0);
      expect(history.every((s) => !s.isCurrentPosition)).toBe(true);
      // An earlier row of a current site would give its position away (tests/policy/linkage.e2e.test.ts).
      expect(history.every((s) => s.point.precision === (s.identifiesCurrentPosition ? 'ROUNDED_0_1_DEGREE' : 'EXACT'))).toBe(true);
      // A mission that has left (UNAMID, last in the data in 2020): its history names no current site, exact for all.
      const left = await sites(pub, 'UNAMID', 2019);
      expect(left.length).toBeGreaterThan(0);
      expect(left.every((s) => !s.identifiesCurrentPosition && s.point.precision === 'EXACT')).toBe(true);
    });

    it('lists sites by contributor, paged', async () => {
      const result = await run(pub, `{ deploymentSites(filter: {contributorIso3: "rwa", year: 2024}, page: {first: 500}) { nodes { missionId contributors { contributorIso3 } } pageInfo { hasNextPage } } }`);
      expect(result.errors).toBeUndefined();
      const nodes = (result.data!.deploymentSites as { nodes: { missionId: string; contributors: { contributorIso3: string | null }[] }[] }).nodes;
      expect(nodes.length).toBeGreaterThan(0);
      for (const node of nodes) expect(node.contributors.map((c) => c.contributorIso3)).toContain('RWA');
    });
  });

  it.skipIf(!hasSharedData)('pages through all MINUSCA fatalities newest first, each once, matching the file and the statistics', async () => {
    const ids: string[] = [];
    const dates: string[] = [];
    let after: string | null = null;
    do {
      const result = await run(pub, `query ($after: String) { peacekeeperFatalities(filter: {missionId: "MINUSCA"}, page: {first: 60, after: $after}) {
        nodes { casualtyId incidentDate incidentType } pageInfo { endCursor hasNextPage } } }`, { after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.peacekeeperFatalities as { nodes: { casualtyId: string; incidentDate: string }[]; pageInfo: { endCursor: string; hasNextPage: boolean } };
      ids.push(...page.nodes.map((n) => n.casualtyId));
      dates.push(...page.nodes.map((n) => n.incidentDate));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    const inFile = readCsv(path.join(sharedDataDir, MISSIONS_DATA_FILES.fatalities), []).rows.filter((r) => r.values.mission_acronym === 'MINUSCA');
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.length).toBe(inFile.length);
    expect([...dates].sort().reverse()).toEqual(dates);

    const filtered = await run(pub, `{ peacekeeperFatalities(filter: {missionId: "MINUSCA", year: 2017, incidentType: MALICIOUS_ACT}, page: {first: 500}) { nodes { casualtyId } }
      fatalityStatistics(missionId: "MINUSCA", fromYear: 2017, toYear: 2017) { incidentType fatalities } }`);
    const statistic = (filtered.data!.fatalityStatistics as { incidentType: string; fatalities: number }[]).find((s) => s.incidentType === 'MALICIOUS_ACT')!;
    expect((filtered.data!.peacekeeperFatalities as { nodes: unknown[] }).nodes.length).toBe(statistic.fatalities);
  });

  describe('training compliance and M&E are UN_INTERNAL, scoped by mission, and labelled generated', () => {
    it('the mission sees its own training compliance; the public is refused; other missions are refused to it', async () => {
      const query = `{ mission(id: "MINUSCA") { id trainingCompliance { complianceRate contingents source } }
        other: mission(id: "MONUSCO") { id trainingCompliance { complianceRate } } }`;
      const own = await run(missionHq, query);
      const minusca = (own.data!.mission as { trainingCompliance: { complianceRate: number; contingents: number; source: string } }).trainingCompliance;
      expect(minusca.source).toBe('generated');
      expect(minusca.complianceRate).toBeGreaterThan(0.5);
      expect(minusca.complianceRate).toBeLessThanOrEqual(1);
      expect(own.data!.other).toEqual({ id: 'MONUSCO', trainingCompliance: null });
      expect(own.errors?.map((e) => [e.path?.join('.'), e.extensions?.code, e.extensions?.dataClass])).toEqual([['other.trainingCompliance', 'FORBIDDEN', 'UN_INTERNAL']]);

      const anonymous = await run(pub, query);
      expect(anonymous.data!.mission).toEqual({ id: 'MINUSCA', trainingCompliance: null });
      expect(anonymous.errors?.every((e) => e.extensions?.code === 'FORBIDDEN')).toBe(true);

      const agency = await run(demoIdentity('un-agency'), query);
      expect(agency.errors).toBeUndefined();
      expect((agency.data!.other as { trainingCompliance: unknown }).trainingCompliance).not.toBeNull();
    });

    it('training records only ever list rows inside the caller’s agreements', async () => {
      const query = `{ trainingRecords(page: {first: 500}) { nodes { missionId course source } } }`;
      const own = await run(missionHq, query);
      expect(own.errors).toBeUndefined();
      const nodes = (own.data!.trainingRecords as { nodes: { missionId: string; source: string }[] }).nodes;
      expect(nodes.length).toBeGreaterThan(0);
      expect(new Set(nodes.map((n) => n.missionId))).toEqual(new Set(['MINUSCA']));
      const anonymous = await run(pub, query);
      expect(anonymous.data!.trainingRecords).toBeNull();
      expect(anonymous.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'UN_INTERNAL' });
    });

    it('indicator progress per task reaches the mission, and an empty list reaches the public', async () => {
      const query = `{ mission(id: "MINUSCA") { currentMandate { tasks { category indicators { level name baseline target source progress latest { value measuredOn } measurements { value } } } } } }`;
      const own = await run(missionHq, query);
      expect(own.errors).toBeUndefined();
      const tasks = (own.data!.mission as any).currentMandate.tasks as { indicators: any[] }[];
      const indicators = tasks.flatMap((t) => t.indicators);
      expect(indicators.length).toBe(tasks.length);
      for (const indicator of indicators) {
        expect(indicator.source).toBe('generated');
        expect(indicator.measurements.length).toBe(4);
        expect(typeof indicator.progress).toBe('number');
      }
      const anonymous = await run(pub, query);
      expect(anonymous.errors).toBeUndefined();
      expect(((anonymous.data!.mission as any).currentMandate.tasks as { indicators: unknown[] }[]).every((t) => t.indicators.length === 0)).toBe(true);
    });
  });
});
