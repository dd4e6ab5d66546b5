import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { count, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { readCsv, sharedDataDir, type Db } from '@peacegraph/kit';
import { ADMIN_AREA_CATALOGUE } from '@peacegraph/reference';
import { COUNTRY_CATALOGUE, countryIso3ByName, NON_COUNTRY_NAMES } from '@peacegraph/reference';
import { MISSION_CATALOGUE } from '@peacegraph/reference';
import { adminAreas } from '../admin-area/admin-area.table';
import { contributions } from '../contribution/contribution.table';
import { countries } from '../country/country.table';
import { deploymentSiteContributors, deploymentSites } from '../deployment-site/deployment-site.table';
import { fatalities } from '../fatality/fatality.table';
import { missions } from '../mission/mission.table';
import { importContributions } from './contributions';
import { parseContributorsOverview } from './contributors-overview';
import { FALLBACK_DATA_DIR, MISSIONS_DATA_FILES } from './data-files';
import { importDeploymentSites } from './deployment-sites';
import { importFatalities } from './fatalities';
import { FRESH_DATABASE_KINDS, openFreshDatabase, type FreshDatabase } from '../testing';
import type { ImportReport } from './import-report';
import { seedMissions } from '../seed/seed-missions';
import { seedReference } from '../seed/reference';

const realFile = (name: string) => path.join(sharedDataDir, name);
const hasSharedData = Object.values(MISSIONS_DATA_FILES).every((name) => existsSync(realFile(name)));

/** Data rows of a CSV counted straight from its text (none of these files has multi-line fields). */
function dataLines(file: string): number {
  return readFileSync(file, 'utf8').split('\n').filter((line) => line.trim() !== '').length - 1;
}

function expectEveryRowAccountedFor(report: ImportReport, file: string): void {
  expect(report.read).toBe(dataLines(file));
  expect(report.inserted + report.updated + report.unchanged + report.rejected.length).toBe(report.read);
}

async function rowCount(db: Db, table: PgTable): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table);
  return row?.n ?? 0;
}

describe('reference catalogues', () => {
  test.skipIf(!hasSharedData)('every country name in the three UN files maps to a catalogued ISO3 or is a known non-country', () => {
    const names = new Set<string>();
    for (const row of readCsv(realFile(MISSIONS_DATA_FILES.contributions), []).rows) names.add(row.values.country ?? '');
    for (const row of readCsv(realFile(MISSIONS_DATA_FILES.fatalities), []).rows) names.add(row.values.casualty_nationality ?? '');
    for (const row of readCsv(realFile(MISSIONS_DATA_FILES.deploymentSites), []).rows) {
      for (const entry of parseContributorsOverview(row.values['year.overview'] ?? '') ?? []) names.add(entry.name);
    }
    names.delete('');
    const unknown = [...names].filter((name) => !countryIso3ByName(name) && !NON_COUNTRY_NAMES.has(name));
    expect(unknown).toEqual([]);
    const catalogued = new Set(COUNTRY_CATALOGUE.map((country) => country.iso3));
    const fileCodes = readCsv(realFile(MISSIONS_DATA_FILES.fatalities), []).rows.map((row) => row.values.isocode3 ?? '');
    expect(fileCodes.filter((iso3) => iso3 !== '' && !catalogued.has(iso3))).toEqual([]);
  });

  test('catalogues are consistent: unique keys, host countries catalogued, admin2 codes extend their parent', () => {
    const iso3s = new Set(COUNTRY_CATALOGUE.map((country) => country.iso3));
    expect(iso3s.size).toBe(COUNTRY_CATALOGUE.length);
    expect(new Set(MISSION_CATALOGUE.map((mission) => mission.id)).size).toBe(MISSION_CATALOGUE.length);
    for (const mission of MISSION_CATALOGUE) {
      for (const host of mission.hostCountryIso3) expect(iso3s.has(host), `${mission.id} host ${host}`).toBe(true);
      expect(mission.endDate === null).toBe(mission.status !== 'CLOSED');
    }
    const pcodes = new Set(ADMIN_AREA_CATALOGUE.map((area) => area.pcode));
    expect(pcodes.size).toBe(ADMIN_AREA_CATALOGUE.length);
    for (const area of ADMIN_AREA_CATALOGUE.filter((a) => a.level === 2)) {
      expect(area.parentPcode && pcodes.has(area.parentPcode) && area.pcode.startsWith(area.parentPcode)).toBeTruthy();
    }
  });

  test('overview parsing keeps names with parentheses and unknown sizes', () => {
    expect(parseContributorsOverview('Korea (ROK) (150), Sri Lanka (size unknown)')).toEqual([
      { name: 'Korea (ROK)', size: 150 },
      { name: 'Sri Lanka', size: null },
    ]);
    expect(parseContributorsOverview('Rwanda 1600')).toBeNull();
  });
});

describe.each(FRESH_DATABASE_KINDS)('missions import on %s', (label) => {
  let fresh: FreshDatabase;
  let db: Db;
  let scratch: string;

  beforeAll(async () => {
    fresh = await openFreshDatabase(label, ['policy', 'missions']);
    db = fresh.database.db;
    scratch = mkdtempSync(path.join(tmpdir(), 'missions-import-'));
  });
  afterAll(async () => {
    await fresh?.dispose();
    if (scratch) rmSync(scratch, { recursive: true, force: true });
  });

  test('reference catalogues seed once, then change nothing', async () => {
    const first = await seedReference(db);
    expect(first.countries.inserted).toBe(COUNTRY_CATALOGUE.length);
    expect(first.adminAreas.inserted).toBe(ADMIN_AREA_CATALOGUE.length);
    expect(first.missions.inserted).toBe(MISSION_CATALOGUE.length);
    const second = await seedReference(db);
    for (const counts of [second.countries, second.adminAreas, second.missions]) {
      expect(counts).toMatchObject({ inserted: 0, updated: 0 });
    }
    expect(await rowCount(db, countries)).toBe(COUNTRY_CATALOGUE.length);
    expect(await rowCount(db, adminAreas)).toBe(ADMIN_AREA_CATALOGUE.length);
  });

  describe.skipIf(!hasSharedData)('the real files from ../shared/data', () => {
    test('contributions: every row lands; a second run changes nothing', async () => {
      const file = realFile(MISSIONS_DATA_FILES.contributions);
      const first = await importContributions(db, file);
      expectEveryRowAccountedFor(first, file);
      expect(first.rejected).toEqual([]);
      // Every country name in the file is catalogued: no row is stored without its ISO3.
      expect(first.warnings).toEqual([]);
      expect(await rowCount(db, contributions)).toBe(first.inserted);
      const [unmapped] = await db.select({ n: count() }).from(contributions).where(sql`${contributions.contributorIso3} is null`);
      expect(unmapped?.n).toBe(0);

      const second = await importContributions(db, file);
      expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: first.inserted, missionsCreated: [] });
    });

    test('fatalities: duplicates of a casualty_id are rejected with a reason, the rest land once', async () => {
      const file = realFile(MISSIONS_DATA_FILES.fatalities);
      const first = await importFatalities(db, file);
      expectEveryRowAccountedFor(first, file);
      // The file lists six UNMIK casualties twice (Montenegro / Serbia and Montenegro).
      expect(first.rejected.length).toBe(6);
      for (const rejection of first.rejected) expect(rejection.reason).toMatch(/^duplicate casualty_id UNMIK-.* \(first read on line \d+\)$/);
      expect(await rowCount(db, fatalities)).toBe(first.inserted);
      // One UNOCI row has no nationality at all; every other name is catalogued or the file's "ZZ [Undetermined]".
      expect(first.warnings).toEqual(["empty casualty_nationality stored as 'ZZ [Undetermined]'"]);

      const byType = await db.select({ type: fatalities.incidentType, n: count() }).from(fatalities).groupBy(fatalities.incidentType);
      expect(byType.map((row) => row.type).sort()).toEqual(['ACCIDENT', 'ILLNESS', 'MALICIOUS_ACT', 'OTHER', 'SELF_INFLICTED']);
      // "To Be Determined" (60) and "Unknown" (32).
      expect(byType.find((row) => row.type === 'OTHER')?.n).toBe(92);
      const [local] = await db.select({ n: count() }).from(fatalities).where(eq(fatalities.personnelType, 'Local'));
      expect(local?.n).toBeGreaterThan(500);

      const second = await importFatalities(db, file);
      expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: first.inserted });
    });

    test('deployment sites: sites and their contributors land; a second run changes nothing', async () => {
      const file = realFile(MISSIONS_DATA_FILES.deploymentSites);
      const first = await importDeploymentSites(db, file);
      expectEveryRowAccountedFor(first, file);
      // Ten mission × year × location keys appear twice in Geo-PKO v2.3.
      expect(first.rejected.length).toBe(10);
      for (const rejection of first.rejected) expect(rejection.reason).toMatch(/^duplicate site /);
      expect(first.warnings).toEqual([]);
      expect(await rowCount(db, deploymentSites)).toBe(first.inserted);

      const [leogane] = await db
        .select({ id: deploymentSites.id, overview: deploymentSites.contributorsOverview })
        .from(deploymentSites)
        .where(sql`${deploymentSites.missionId} = 'MINUSTAH' and ${deploymentSites.year} = 2010 and ${deploymentSites.location} = 'Leogâne'`);
      expect(leogane?.overview).toBe('Korea (ROK) (150), Sri Lanka (950)');
      const siteContributors = await db
        .select()
        .from(deploymentSiteContributors)
        .where(eq(deploymentSiteContributors.siteId, leogane?.id ?? -1))
        .orderBy(deploymentSiteContributors.position);
      expect(siteContributors.map(({ contributorName, contributorIso3, size }) => ({ contributorName, contributorIso3, size }))).toEqual([
        { contributorName: 'Korea (ROK)', contributorIso3: 'KOR', size: 150 },
        { contributorName: 'Sri Lanka', contributorIso3: 'LKA', size: 950 },
      ]);

      const contributorRows = await rowCount(db, deploymentSiteContributors);
      const second = await importDeploymentSites(db, file);
      expect(second).toMatchObject({ inserted: 0, updated: 0, unchanged: first.inserted });
      expect(await rowCount(db, deploymentSiteContributors)).toBe(contributorRows);
    });

    test('missions outside the catalogue were created as derived; catalogue ones stay curated', async () => {
      const rows = await db.select().from(missions);
      const byId = new Map(rows.map((row) => [row.id, row]));
      expect(byId.get('MINUSCA')).toMatchObject({ source: 'curated', name: expect.stringContaining('Central African Republic') });
      expect(byId.get('ONUC')).toMatchObject({
        source: 'derived',
        name: 'ONUC',
        status: 'CLOSED',
        startDate: '1960-01-01',
        endDate: '1964-12-31',
        hostCountryIso3: [],
      });
      // Seen in the contributions file up to 2021: assumed still running.
      expect(byId.get('UNAMI')).toMatchObject({ source: 'derived', status: 'ACTIVE', endDate: null });
      // Every mission a data row points at exists.
      const [orphans] = await db
        .select({ n: count() })
        .from(fatalities)
        .where(sql`not exists (select 1 from ${missions} m where m.id = ${fatalities.missionId})`);
      expect(orphans?.n).toBe(0);
    });
  });

  test('malformed rows are rejected with a reason while the good rows around them land', async () => {
    const dir = path.join(scratch, 'malformed');
    mkdirSync(dir);
    const contributionsFile = path.join(dir, 'contributions.csv');
    const fatalitiesFile = path.join(dir, 'fatalities.csv');
    const sitesFile = path.join(dir, 'sites.csv');
    writeFileSync(
      contributionsFile,
      [
        'year,country,mission,female,male,total',
        '2031,Rwanda,MINUSCA,10,90,100', // line 2: good
        '2031,Nepal,MINUSCA,5,x,95', // line 3: non-numeric male
        '2031,Ghana,MINUSCA,3,40,', // line 4: missing total
        '2031,Kenya,not a mission!,1,1,2', // line 5: no acronym
        '2031,Ghana,UNTESTMISSION,1,9,10', // line 6: good, derived mission
        '20x1,Chad,MINUSCA,1,1,2', // line 7: bad year
        '2031,Atlantis,MINUSCA,0,1,1', // line 8: good, country not catalogued
        '2031,Rwanda,MINUSCA,10,90,100', // line 9: duplicate of line 2
      ].join('\n'),
    );
    const contributionReport = await importContributions(db, contributionsFile);
    expect(contributionReport).toMatchObject({ read: 8, inserted: 3, updated: 0, unchanged: 0, missionsCreated: ['UNTESTMISSION'] });
    expect(contributionReport.rejected).toEqual([
      { line: 3, reason: "male 'x' is not a non-negative number" },
      { line: 4, reason: 'missing total' },
      { line: 5, reason: "mission 'not a mission!' is not a mission acronym" },
      { line: 7, reason: "year '20x1' is not a year" },
      { line: 9, reason: 'duplicate Rwanda in MINUSCA 2031 (first read on line 2)' },
    ]);
    expect(contributionReport.warnings).toEqual(["country 'Atlantis' is not in the country catalogue; stored without ISO3"]);
    const [derived] = await db.select().from(missions).where(eq(missions.id, 'UNTESTMISSION'));
    expect(derived).toMatchObject({ source: 'derived', status: 'ACTIVE', startDate: '2031-01-01', endDate: null });

    writeFileSync(
      fatalitiesFile,
      [
        'id,incident_date,casualty_id,mission_acronym,type_of_casualty,gender,casualty_nationality,casualty_personnel_type,type_of_incident,m49_code,isocode3,last_update',
        '1,2031-01-02,TEST-0001,UNIFIL,Fatality,F,Ghana,Military,Accident,288.0,GHA,2031-02-01',
        '2,,TEST-0002,UNIFIL,Fatality,M,Ghana,Military,Accident,288.0,GHA,2031-02-01',
        '3,2031-02-30,TEST-0003,UNIFIL,Fatality,M,Ghana,Military,Accident,288.0,GHA,2031-02-01',
        '4,2031-01-03,TEST-0004,UNIFIL,Fatality,M,Ghana,Military,Stray meteor,288.0,GHA,2031-02-01',
        '5,2031-01-04,TEST-0005,UNIFIL,Fatality,M,Türkiye,Local ,To Be Determined,,,2031-02-01',
        '6,2031-01-05,TEST-0006,UNIFIL,Fatality,M',
      ].join('\n'),
    );
    const fatalityReport = await importFatalities(db, fatalitiesFile);
    expect(fatalityReport).toMatchObject({ read: 6, inserted: 2 });
    expect(fatalityReport.rejected).toEqual([
      { line: 3, reason: 'missing incident_date' },
      { line: 4, reason: "incident_date '2031-02-30' is not a YYYY-MM-DD date" },
      { line: 5, reason: "unknown type_of_incident 'Stray meteor'" },
      { line: 7, reason: 'expected 12 fields, found 6' },
    ]);
    const [turkish] = await db.select().from(fatalities).where(eq(fatalities.casualtyId, 'TEST-0005'));
    expect(turkish).toMatchObject({ nationalityIso3: 'TUR', personnelType: 'Local', incidentType: 'OTHER', incidentDate: '2031-01-04' });

    writeFileSync(
      sitesFile,
      [
        'mission,year,location,latitude,longitude,No.TCC,year.overview',
        'UNMISS,2031,Test Camp,4.85,31.58,2,"Rwanda (1600), Nepal (size unknown)"',
        'UNMISS,2031,Nowhere,95.0,31.58,1,Rwanda (10)',
        'UNMISS,2031,Somewhere,4.85,31.58,two,Rwanda (10)',
        'UNMISS,2031,Odd Camp,4.85,31.58,1,Rwanda sixteen hundred',
      ].join('\n'),
    );
    const siteReport = await importDeploymentSites(db, sitesFile);
    expect(siteReport).toMatchObject({ read: 4, inserted: 2 });
    expect(siteReport.rejected).toEqual([
      { line: 3, reason: "latitude '95.0' is not a coordinate within ±90" },
      { line: 4, reason: "No.TCC 'two' is not a whole number" },
    ]);
    expect(siteReport.warnings).toEqual([`year.overview 'Rwanda sixteen hundred' does not read as "Name (size), …"; kept as text only`]);
  });

  test('a changed figure counts as one update, and the site contributors follow the new overview', async () => {
    const dir = path.join(scratch, 'changed');
    mkdirSync(dir);
    const contributionsFile = path.join(dir, 'contributions.csv');
    writeFileSync(contributionsFile, 'year,country,mission,female,male,total\n2031,Rwanda,MINUSCA,10,95,105\n2031,Ghana,UNTESTMISSION,1,9,10\n');
    expect(await importContributions(db, contributionsFile)).toMatchObject({ read: 2, inserted: 0, updated: 1, unchanged: 1 });

    const sitesFile = path.join(dir, 'sites.csv');
    writeFileSync(sitesFile, 'mission,year,location,latitude,longitude,No.TCC,year.overview\nUNMISS,2031,Test Camp,4.85,31.58,1,Rwanda (1700)\n');
    expect(await importDeploymentSites(db, sitesFile)).toMatchObject({ read: 1, inserted: 0, updated: 1, unchanged: 0 });
    const rows = await db
      .select({ name: deploymentSiteContributors.contributorName, size: deploymentSiteContributors.size })
      .from(deploymentSiteContributors)
      .innerJoin(deploymentSites, eq(deploymentSites.id, deploymentSiteContributors.siteId))
      .where(sql`${deploymentSites.location} = 'Test Camp'`);
    expect(rows).toEqual([{ name: 'Rwanda', size: 1700 }]);
  });

  test('without the data files, the built-in excerpt is imported and the result says so', async () => {
    await fresh.database.exec(
      'truncate missions.deployment_site_contributors, missions.deployment_sites, missions.contributions, missions.fatalities, missions.missions, missions.countries, missions.admin_areas',
    );
    const emptyDir = mkdtempSync(path.join(scratch, 'no-data-'));
    const result = await seedMissions(db, emptyDir);
    expect(result.usedFallback).toBe(true);
    expect(result.dataDir).toBe(FALLBACK_DATA_DIR);
    expect(result.fallbackReason).toContain(emptyDir);
    expect(result.summary[0]).toContain('built-in excerpt');
    for (const [report, name] of [
      [result.contributions, MISSIONS_DATA_FILES.contributions],
      [result.fatalities, MISSIONS_DATA_FILES.fatalities],
      [result.deploymentSites, MISSIONS_DATA_FILES.deploymentSites],
    ] as const) {
      const file = path.join(FALLBACK_DATA_DIR, name);
      expectEveryRowAccountedFor(report, file);
      expect(report.read).toBeGreaterThan(100);
      expect(report).toMatchObject({ inserted: report.read, rejected: [], missionsCreated: [] });
    }
    expect(await rowCount(db, missions)).toBe(MISSION_CATALOGUE.length);
    const again = await seedMissions(db, emptyDir);
    expect([again.contributions, again.fatalities, again.deploymentSites].map((r) => r.inserted + r.updated)).toEqual([0, 0, 0]);
  });
});
