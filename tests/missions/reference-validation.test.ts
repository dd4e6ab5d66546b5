import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateAll, runSubgraphOperation, type BuiltSubgraph, type Database } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, seedHumanitarian } from '@peacegraph/humanitarian';
import { buildIncidentsSubgraph, createIncidentsLoaders } from '@peacegraph/incidents';
import { demoIdentity } from '@peacegraph/reference';
import { identityOf, INCIDENT_TEST_DATABASES, openIncidentsTestDatabase } from '../../subgraphs/incidents/src/testing';

// Issue 20: p-codes are checked against the database's reference table (missions.admin_areas),
// so an admin area added by SQL or an import is accepted with no code change.
const NEW_AREA = 'CF7199';
const REPORT = `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id adminArea { pcode } } } }`;
const SAVE_3W = `mutation ($input: OperationalPresenceInput!) { saveOperationalPresence(input: $input) { id adminAreaPcode countryIso3 missionId } }`;

const report = (pcode: string, clientKey: string) => ({
  clientKey,
  missionId: 'MINUSCA',
  eventDate: '2025-03-14',
  subEventType: 'ARMED_CLASH',
  adminAreaPcode: pcode,
  latitude: 4.37,
  longitude: 18.56,
  fatalities: 0,
});
const presence = (pcode: string) => ({
  clientKey: `key-${pcode}-${Math.random()}`,
  cluster: 'SHELTER',
  adminAreaPcode: pcode,
  periodStart: '2025-03-01',
  periodEnd: '2025-08-31',
  status: 'ONGOING',
  targeted: { total: 100 },
  reached: { total: 50 },
});

describe.each(INCIDENT_TEST_DATABASES)('writes are validated against the reference tables on $label', (kind) => {
  let database: Database;
  let incidents: BuiltSubgraph;
  let humanitarian: BuiltSubgraph;
  const reportAs = (pcode: string, key: string) =>
    runSubgraphOperation(incidents, database, createIncidentsLoaders, identityOf('mission-ops'), REPORT, { input: report(pcode, key) });
  const save3w = (pcode: string) => runSubgraphOperation(humanitarian, database, createHumanitarianLoaders, demoIdentity('ngo-partner'), SAVE_3W, { input: presence(pcode) });

  beforeAll(async () => {
    database = await openIncidentsTestDatabase(kind);
    await migrateAll(database, ['humanitarian']);
    await seedHumanitarian(database.db); // the organisation directory the 3W write checks
    [incidents, humanitarian] = await Promise.all([buildIncidentsSubgraph(), buildHumanitarianSubgraph()]);
  });
  afterAll(() => database?.close());

  it('an unknown p-code is BAD_USER_INPUT naming the field, for a report and a 3W row', async () => {
    const refused = await reportAs(NEW_AREA, 'reference-key-0001');
    expect(refused.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused.errors?.[0]?.message).toContain('input.adminAreaPcode');
    const refused3w = await save3w(NEW_AREA);
    expect(refused3w.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(refused3w.errors?.[0]?.message).toContain('adminAreaPcode');
  });

  it('an admin area inserted by SQL is accepted at once by both subgraphs', async () => {
    await database.exec(`insert into missions.admin_areas (pcode, name, level, parent_pcode, country_iso3, centroid_latitude, centroid_longitude, source)
      values ('${NEW_AREA}', 'Test sous-préfecture', 2, 'CF71', 'CAF', 4.37, 18.56, 'test')`);
    const accepted = await reportAs(NEW_AREA, 'reference-key-0002');
    expect(accepted.errors).toBeUndefined();
    expect((accepted.data as any).reportIncident.incident.adminArea.pcode).toBe(NEW_AREA);
    const accepted3w = await save3w(NEW_AREA);
    expect(accepted3w.errors).toBeUndefined();
    expect((accepted3w.data as any).saveOperationalPresence).toMatchObject({ adminAreaPcode: NEW_AREA, countryIso3: 'CAF', missionId: 'MINUSCA' });
  });
});
