import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSubgraphOperation, suppressionThreshold, type BuiltSubgraph, type Identity } from '@peacegraph/kit';
import { buildHumanitarianSubgraph, createHumanitarianLoaders, seedHumanitarian } from '@peacegraph/humanitarian';
import { demoIdentity, openTestDatabase, TEST_DATABASE_KINDS, type TestDatabase } from '../../subgraphs/humanitarian/src/testing';
import { seedAgreements } from '../../scripts/seed/agreements';

const SUPPRESSION_THRESHOLD = suppressionThreshold();

interface ConstraintNode {
  id: string;
  adminAreaPcode: string;
  missionId: string | null;
  reportingOrganizationId: string;
  location: { latitude: number; longitude: number; precision: string } | null;
  incident: { id: string } | null;
}

const NRC_AREAS = ['CF71', 'CF43', 'CF52'];

describe.each(TEST_DATABASE_KINDS)('access constraints, DDR and footprint on %s', (kind) => {
  let test: TestDatabase;
  let built: BuiltSubgraph;
  const run = (identity: Identity, query: string, variables?: Record<string, unknown>) =>
    runSubgraphOperation(built, test.database, createHumanitarianLoaders, identity, query, variables);
  const constraintsFor = async (audience: string) => {
    const result = await run(
      demoIdentity(audience),
      `{ accessConstraints(page: {first: 500}) { nodes { id adminAreaPcode missionId reportingOrganizationId location { latitude longitude precision } incident { id } } } }`,
    );
    expect(result.errors).toBeUndefined();
    return (result.data!.accessConstraints as { nodes: ConstraintNode[] }).nodes;
  };

  beforeAll(async () => {
    test = await openTestDatabase(kind);
    built = await buildHumanitarianSubgraph();
    await seedAgreements(test.database.db);
    await seedHumanitarian(test.database.db);
  });
  afterAll(() => test?.dispose());

  it('gives access constraint rows only within agreements: none to the public or an NGO without one', async () => {
    expect(await constraintsFor('public')).toEqual([]);
    // Caritas reported none and its agreement has expired: exactly what the public gets.
    expect(await constraintsFor('ngo-other')).toEqual([]);
    const all = await constraintsFor('un-agency');
    expect(all.length).toBe(120);
    const nrc = await constraintsFor('ngo-partner');
    expect(nrc.length).toBeGreaterThan(0);
    for (const row of nrc) {
      const inAgreement = row.missionId === 'MINUSCA' && NRC_AREAS.some((p) => row.adminAreaPcode.startsWith(p));
      expect(inAgreement || row.reportingOrganizationId === 'nrc').toBe(true);
    }
    const expected = all.filter(
      (r) => (r.missionId === 'MINUSCA' && NRC_AREAS.some((p) => r.adminAreaPcode.startsWith(p))) || r.reportingOrganizationId === 'nrc',
    );
    expect(nrc.map((r) => r.id)).toEqual(expected.map((r) => r.id));
  });

  it('coarsens points to the area centroid for callers without PRECISE_LOCATION', async () => {
    const nrc = await constraintsFor('ngo-partner');
    const ocha = new Map((await constraintsFor('un-agency')).map((r) => [r.id, r]));
    for (const row of nrc) {
      const exact = ocha.get(row.id)!.location!;
      expect(exact.precision).toBe('EXACT');
      if (row.reportingOrganizationId === 'nrc') expect(row.location).toEqual(exact);
      else {
        expect(row.location!.precision).toBe('ADMIN_AREA_CENTROID');
        expect(row.location).not.toEqual(exact);
      }
    }
    expect(nrc.some((r) => r.location!.precision === 'ADMIN_AREA_CENTROID')).toBe(true);
  });

  it('links constraints caused by a recorded incident to the Incident entity', async () => {
    const linked = (await constraintsFor('mission-ops')).filter((r) => r.incident);
    expect(linked.length).toBeGreaterThan(0);
    for (const row of linked) expect(row.incident!.id).toMatch(/^INC-MINUSCA-G\d{5}$/);
  });

  it('serves public counts by admin1 × month × category, suppressing small ones outside agreements', async () => {
    const query = `{ accessConstraintCounts(filter: {countryIso3: "CAF"}) { admin1Pcode month constraintType count suppressed } }`;
    const pub = (await run(demoIdentity('public'), query)).data!.accessConstraintCounts as { count: number | null; suppressed: boolean }[];
    const mission = (await run(demoIdentity('mission-ops'), query)).data!.accessConstraintCounts as { count: number | null; suppressed: boolean }[];
    expect(pub.length).toBe(mission.length);
    expect(mission.every((c) => !c.suppressed && c.count! > 0)).toBe(true);
    pub.forEach((c, i) => {
      const real = mission[i]!.count!;
      expect(c.suppressed).toBe(real < SUPPRESSION_THRESHOLD);
      expect(c.count).toBe(real < SUPPRESSION_THRESHOLD ? null : real);
    });
    expect(pub.some((c) => c.suppressed)).toBe(true);
    expect(mission.reduce((s, c) => s + c.count!, 0)).toBe(40);
  });

  it('statement count of access constraints does not grow with page size', async () => {
    const query = `query ($n: Int!) { accessConstraints(page: {first: $n}) { nodes { id adminArea { pcode } reportingOrganization { name } incident { id } location { precision } } } }`;
    const statements = async (n: number) => {
      const before = test.database.statementCount();
      const result = await run(demoIdentity('un-agency'), query, { n });
      expect(result.errors).toBeUndefined();
      return test.database.statementCount() - before;
    };
    expect(await statements(500)).toBe(await statements(10));
  });

  it('AdminArea gains displacement (public) and access constraints (scoped)', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on AdminArea { pcode displacement(page: { first: 500 }) { nodes { populationGroup reportingRound individuals } } accessConstraints { nodes { id } } } } }`;
    const r = { r: [{ __typename: 'AdminArea', pcode: 'CF43' }] };
    type Area = { displacement: { nodes: unknown[] }; accessConstraints: { nodes: unknown[] } };
    const pub = ((await run(demoIdentity('public'), query, r)).data!._entities as Area[])[0]!;
    expect(pub.displacement.nodes.length).toBeGreaterThanOrEqual(8);
    expect(pub.accessConstraints.nodes).toEqual([]);
    const ocha = ((await run(demoIdentity('un-agency'), query, r)).data!._entities as Area[])[0]!;
    expect(ocha.displacement).toEqual(pub.displacement);
    expect(ocha.accessConstraints.nodes.length).toBeGreaterThan(0);
  });

  it('DDR figures are aggregates; small counts are withheld (all parts) outside UN-internal agreements', async () => {
    const query = `{ ddrFigures(missionId: "MINUSCA") { id weaponsCollected disarmed { total femaleAdults maleAdults femaleChildren maleChildren suppressed } } }`;
    type Row = { id: string; disarmed: { total: number | null; femaleAdults: number | null; maleAdults: number | null; femaleChildren: number | null; maleChildren: number | null; suppressed: boolean } };
    const pub = (await run(demoIdentity('public'), query)).data!.ddrFigures as Row[];
    const ocha = (await run(demoIdentity('un-agency'), query)).data!.ddrFigures as Row[];
    expect(pub.length).toBe(16);
    expect(ocha.every((r) => !r.disarmed.suppressed)).toBe(true);
    for (const r of ocha) {
      const d = r.disarmed;
      expect(d.femaleAdults! + d.maleAdults! + d.femaleChildren! + d.maleChildren!).toBe(d.total);
    }
    expect(pub.some((r) => r.disarmed.suppressed)).toBe(true);
    pub.forEach((r, i) => {
      const real = ocha[i]!.disarmed;
      const small = [real.femaleAdults!, real.maleAdults!, real.femaleChildren!, real.maleChildren!].some((v) => v > 0 && v < SUPPRESSION_THRESHOLD);
      expect(r.disarmed.suppressed).toBe(small);
      if (small) expect([r.disarmed.femaleAdults, r.disarmed.maleAdults, r.disarmed.femaleChildren, r.disarmed.maleChildren]).toEqual([null, null, null, null]);
      else expect(r.disarmed).toEqual(real);
    });
  });

  it('extends Mission with its humanitarian footprint (@requires host countries); open escorts are PARTNER', async () => {
    const query = `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Mission { id humanitarianFootprint { organizationsPresent organizations { id } clusters peopleReached peopleTargeted openEscortRequests } } } }`;
    const r = { r: [{ __typename: 'Mission', id: 'MINUSCA', hostCountryIso3: ['CAF'] }] };
    const ocha = await run(demoIdentity('un-agency'), query, r);
    expect(ocha.errors).toBeUndefined();
    const footprint = (ocha.data!._entities as { humanitarianFootprint: Record<string, any> }[])[0]!.humanitarianFootprint;
    expect(footprint.organizationsPresent).toBe(footprint.organizations.length);
    expect(footprint.organizations.map((o: { id: string }) => o.id)).toContain('caritas-bangui');
    expect(footprint.peopleReached).toBeLessThanOrEqual(footprint.peopleTargeted);
    // Generated demo requests: one APPROVED (NRC) and one REQUESTED (Caritas) for MINUSCA.
    expect(footprint.openEscortRequests).toBe(2);

    const pub = await run(demoIdentity('public'), query, r);
    const pubFootprint = (pub.data!._entities as { humanitarianFootprint: Record<string, any> }[])[0]!.humanitarianFootprint;
    expect(pubFootprint).toEqual({ ...footprint, openEscortRequests: null });
    expect(pub.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN', dataClass: 'PARTNER' });
  });
});
