// Issue 15 (item 2): a value coarsened on some rows is not served exact on another row that
// names the same thing. Deployment sites: a current position's earlier rows (same mission and
// place, or the same point) come coarsened too. Actors: an actor name that is the individual a
// perpetrator attribution names is withheld from callers without PERPETRATOR_IDENTITY.
// Compared against the ground truth (a test-only organisation holding every class), over HTTP.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DATABASES } from '../databases';
import { groundTruthToken } from '../ground-truth';
import { startTestStack, type TestStack } from '../harness';

interface Site {
  id: string;
  missionId: string;
  year: number;
  location: string;
  isCurrentPosition: boolean;
  identifiesCurrentPosition: boolean;
  point: { latitude: number; longitude: number; precision: string };
}

const SITES = `query($after: String, $m: String) { deploymentSites(filter: {missionId: $m}, page: {first: 500, after: $after}) {
  nodes { id missionId year location isCurrentPosition identifiesCurrentPosition point { latitude longitude precision } } pageInfo { hasNextPage endCursor } } }`;
const near = (a: Site['point'], b: Site['point']) => Math.abs(a.latitude - b.latitude) < 0.01 && Math.abs(a.longitude - b.longitude) < 0.01;

describe.each(TEST_DATABASES)('linkage across rows on $label', (kind) => {
  let t: TestStack;
  let truthToken: string;

  async function ask(who: string, query: string, variables: Record<string, unknown> = {}): Promise<{ data?: any; errors?: any[]; text: string }> {
    const token = who === 'truth' ? truthToken : await t.tokenFor(who);
    const res = await fetch(t.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    const text = await res.text();
    return { ...JSON.parse(text), text };
  }

  async function sites(who: string, missionId: string): Promise<Site[]> {
    const nodes: Site[] = [];
    let after: string | null = null;
    for (;;) {
      const body = await ask(who, SITES, { after, m: missionId });
      expect(body.errors).toBeUndefined();
      nodes.push(...body.data.deploymentSites.nodes);
      if (!body.data.deploymentSites.pageInfo.hasNextPage) return nodes;
      after = body.data.deploymentSites.pageInfo.endCursor;
    }
  }

  beforeAll(async () => {
    t = await startTestStack(kind);
    truthToken = await groundTruthToken(t);
  }, 240_000);
  afterAll(async () => {
    await t?.stop();
  });

  it.each(['public', 'ngo-partner', 'un-agency'])('deployment sites as %s: no row gives a current position exactly', async (audience) => {
    let unlinkedRows = 0;
    for (const missionId of ['MINUSCA', 'MONUSCO', 'UNMISS']) {
      const truth = await sites('truth', missionId);
      const current = truth.filter((s) => s.isCurrentPosition);
      expect(current.length, `${missionId} has current sites`).toBeGreaterThan(0);
      const seen = await sites(audience, missionId);
      expect(seen.map((s) => s.id)).toEqual(truth.map((s) => s.id));
      const linked = seen.filter((s) => s.identifiesCurrentPosition && !s.isCurrentPosition);
      for (const row of seen.filter((s) => s.point.precision === 'EXACT')) {
        for (const site of current) {
          expect(row.location === site.location || near(row.point, site.point), `${missionId} ${row.year} ${row.location} gives ${site.location}'s current point`).toBe(false);
        }
      }
      // The rule is what closes it: earlier rows of current sites exist, and they come coarsened.
      if (missionId === 'MINUSCA') expect(linked.length).toBeGreaterThan(0);
      for (const row of linked) expect(row.point.precision).not.toBe('EXACT');
      // History that names no current site stays exact.
      const truthById = new Map(truth.map((s) => [s.id, s]));
      const unlinked = seen.filter((s) => !s.identifiesCurrentPosition);
      unlinkedRows += unlinked.length;
      for (const row of unlinked) expect(row.point).toEqual(truthById.get(row.id)!.point);
    }
    expect(unlinkedRows, 'history of places the missions left is served (exact)').toBeGreaterThan(0);
  });

  it('deployment sites: a caller with SECURITY_OPERATIONS for the mission still gets every point exact', async () => {
    const truth = await sites('truth', 'MINUSCA');
    expect(await sites('mission-ops', 'MINUSCA')).toEqual(truth);
  });

  it('an actor name that is an attributed individual is withheld from partners, served to the mission', async () => {
    const person = 'Colonel Linkage Testperson';
    const report = await ask('mission-ops', `mutation($input: ReportIncidentInput!) { reportIncident(input: $input) { incident { id } } }`, {
      input: {
        clientKey: 'linkage-actor-1',
        missionId: 'MINUSCA',
        eventDate: '2025-03-14',
        subEventType: 'ATTACK',
        adminAreaPcode: 'CF431',
        latitude: 5.79,
        longitude: 20.66,
        fatalities: 1,
        summary: 'Test report: attack on civilians.',
        actors: [
          { name: person, side: 1, actorType: 'POLITICAL_MILITIA' },
          { name: 'Civilians (Central African Republic)', side: 2, actorType: 'CIVILIANS' },
        ],
        casualties: [{ group: 'CIVILIAN', outcome: 'KILLED', total: 1 }],
        perpetrators: [{ actorName: 'Unidentified armed group', identifiedAs: person.toUpperCase(), confidence: 'ALLEGED' }],
      },
    });
    expect(report.errors).toBeUndefined();
    const id = report.data.reportIncident.incident.id;
    const query = `query($id: ID!) { incident(id: $id) { id actors { name side actorType } } }`;
    const partner = await ask('ngo-partner', query, { id });
    expect(partner.errors).toBeUndefined();
    expect(partner.data.incident.actors.map((a: { name: string }) => a.name)).toEqual(['Withheld (names an attributed individual)', 'Civilians (Central African Republic)']);
    expect(partner.text.toLowerCase()).not.toContain(person.toLowerCase());
    const mission = await ask('mission-ops', query, { id });
    expect(mission.data.incident.actors.map((a: { name: string }) => a.name)).toEqual([person, 'Civilians (Central African Republic)']);
    const truth = await ask('truth', query, { id });
    expect(truth.data.incident.actors[0].name).toBe(person);
  });

  it('group-level actor names (the ACLED actor fields) stay visible to partners even when a perpetrator attribution names the group', async () => {
    const query = `query($after: String) { incidents(filter: {missionId: "MINUSCA", adminAreaPcode: "CF43"}, page: {first: 200, after: $after}) { nodes { id actors { name } perpetrators { actorName identifiedAs } } pageInfo { hasNextPage endCursor } } }`;
    const truth = (await ask('truth', query)).data.incidents.nodes as { id: string; actors: { name: string }[]; perpetrators: { actorName: string; identifiedAs: string | null }[] }[];
    const partner = new Map(((await ask('ngo-partner', query)).data.incidents.nodes as typeof truth).map((n) => [n.id, n]));
    const attributed = truth.filter((n) => n.perpetrators.some((p) => n.actors.some((a) => a.name === p.actorName)));
    expect(attributed.length).toBeGreaterThan(0);
    for (const n of attributed) expect(partner.get(n.id)!.actors).toEqual(n.actors);
  });
});
