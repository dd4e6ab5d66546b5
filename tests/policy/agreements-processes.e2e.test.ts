// Issue 16: an agreement change reaches every process on the next request: a second gateway
// (its own response cache) and a second incidents subgraph (its own agreement cache and shared
// reads), each its own Node process on the same PostgreSQL database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mintDevToken } from '../../scripts/token';
import { postgresUrlOf, TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';
import { freePort, post, spawnScript, type ChildService } from '../process-harness';

const postgres = TEST_DATABASES.find((d) => d.label === 'postgres');

const INCIDENTS = '{ incidents(filter: { missionId: "MINUSCA", adminAreaPcode: "CF43" }, page: { first: 500 }) { nodes { id } } }';

describe.skipIf(!postgres)('agreement changes across processes (PostgreSQL)', () => {
  let t: TestStack;
  let incidents: ChildService;
  let gateway: ChildService;
  let secondGatewayUrl: string;

  beforeAll(async () => {
    t = await startTestStack(postgres!);
    const incidentsPort = await freePort();
    incidents = spawnScript('scripts/services/subgraph.ts', {
      SUBGRAPH: 'incidents',
      INCIDENTS_PORT: String(incidentsPort),
      DATABASE_URL: postgresUrlOf(t.database),
      DATABASE_POOL_SIZE: '2',
      GATEWAY_SIGNING_SECRET: t.signingSecret,
    });
    await incidents.waitFor(/subgraph listening/, 90_000);
    const port = await freePort();
    secondGatewayUrl = `http://127.0.0.1:${port}/graphql`;
    gateway = spawnScript('scripts/services/gateway.ts', {
      GATEWAY_PORT: String(port),
      GATEWAY_SIGNING_SECRET: t.signingSecret,
      JWT_SECRET: TEST_JWT_SECRET,
      DATABASE_URL: postgresUrlOf(t.database),
      MISSIONS_URL: t.subgraphUrl('missions'),
      INCIDENTS_URL: `http://127.0.0.1:${incidentsPort}/graphql`,
      HUMANITARIAN_URL: t.subgraphUrl('humanitarian'),
      FINANCE_URL: t.subgraphUrl('finance'),
    });
    await gateway.waitFor(/gateway listening/, 60_000);
  }, 180_000);
  afterAll(async () => {
    for (const s of [gateway, incidents]) if (s && s.child.exitCode === null) s.child.kill('SIGKILL');
    await t?.stop();
  });

  /** ngo-other's incidents in Ouaka through the second gateway and the second incidents process. */
  async function secondSees(): Promise<string[]> {
    const token = await mintDevToken('ngo-other', { secret: TEST_JWT_SECRET });
    const res = await post(secondGatewayUrl, { query: INCIDENTS }, { authorization: `Bearer ${token}` });
    return ((res.json.data?.incidents?.nodes ?? []) as { id: string }[]).map((n) => n.id).sort();
  }

  /** A NOTIFY travels between processes on its own connection: allow it a moment, no more. */
  async function within(ms: number, check: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + ms;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`not seen within ${ms} ms`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  it('approval and revocation through one gateway are served by the other at once, caches warm', async () => {
    const truth = ((await t.query<{ incidents: { nodes: { id: string }[] } }>('mission-ops', INCIDENTS)).body.data!.incidents.nodes).map((n) => n.id).sort();
    expect(truth.length).toBeGreaterThan(0);
    expect(await secondSees()).toEqual([]);
    expect(await secondSees()).toEqual([]); // warm: the second processes' caches now hold the answer

    const requested = await t.query<{ requestAgreement: { id: string } }>(
      'ngo-other',
      `mutation { requestAgreement(input: { clientKey: "proc-1", provider: "minusca", dataClasses: ["PARTNER"], adminAreaPcodes: ["CF43"], purpose: "Ouaka", validFrom: "2024-01-01T00:00:00Z", validUntil: "2030-01-01T00:00:00Z" }) { id } }`,
    );
    const id = requested.body.data!.requestAgreement.id;
    const approved = await t.query('mission-data-owner', `mutation { approveAgreement(input: { clientKey: "proc-2", id: "${id}", narrowing: { validUntil: "2029-01-01T00:00:00Z" } }) { effectiveStatus } }`);
    expect(approved.body.errors).toBeUndefined();
    await within(1000, async () => JSON.stringify(await secondSees()) === JSON.stringify(truth));

    const revoked = await t.query('mission-data-owner', `mutation { revokeAgreement(input: { clientKey: "proc-3", id: "${id}", reason: "Ended." }) { effectiveStatus } }`);
    expect(revoked.body.errors).toBeUndefined();
    await within(1000, async () => (await secondSees()).length === 0);
  });
});
