// Issue 3: the conformance matrix. For every audience × every field the probes reach
// (generated from the composed supergraph), through the gateway over HTTP, the value is
// visible, coarsened or denied exactly as the policy says, out-of-scope rows are absent,
// and no value the audience is not cleared for appears anywhere in the body.
import { mkdirSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Comparer, type GraphQLErrorLike } from '../conformance/compare';
import { AUDIENCES, Oracle } from '../conformance/oracle';
import { generateProbes, type Probe } from '../conformance/probes';
import { loadPolicyMap, loadSupergraph } from '../conformance/schema-map';
import { TEST_DATABASES } from '../databases';
import { groundTruthToken } from '../ground-truth';
import { startTestStack, type TestStack } from '../harness';

const schema = loadSupergraph();
const policy = loadPolicyMap();
const { probes, reachableTypes, unreachable } = generateProbes(schema, policy);

/** Root fields whose rows change while the matrix runs (each probe appends audit events): judged for access, not values. */
const VOLATILE_ROOTS = new Set(['auditEvents', 'agreements', 'myAccess']);
/**
 * Their types: access is judged at the root above; tests/policy/policy.e2e.test.ts and
 * tests/policy/agreements.e2e.test.ts check their content (each caller's own agreements, not the oracle's).
 */
const VOLATILE_TYPES = new Set(['AuditEvent', 'AuditEventPage', 'Agreement', 'AgreementTerms', 'AgreementHistoryEntry', 'AccessGrant', 'MyAccess']);

interface Answer {
  data: Record<string, unknown> | null;
  errors: GraphQLErrorLike[];
  text: string;
}

async function ask(t: TestStack, token: string | undefined, probe: Probe, id?: string): Promise<Answer> {
  let after: string | null = null;
  let merged: Record<string, unknown> | null = null;
  const errors: GraphQLErrorLike[] = [];
  let text = '';
  for (let page = 0; page < 20; page++) {
    const res = await fetch(t.gatewayUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query: probe.query, variables: probe.paged ? { after } : id ? { id } : {} }),
    });
    const raw = await res.text();
    text += raw;
    const body = JSON.parse(raw) as { data?: Record<string, unknown> | null; errors?: GraphQLErrorLike[] };
    // Error paths count rows within their page; shift them to the merged list's positions.
    const offset = merged ? (merged[probe.rootField] as { nodes: unknown[] }).nodes.length : 0;
    errors.push(
      ...(body.errors ?? []).map((e) =>
        offset && e.path?.[1] === 'nodes' && typeof e.path[2] === 'number' ? { ...e, path: [e.path[0]!, 'nodes', e.path[2] + offset, ...e.path.slice(3)] } : e,
      ),
    );
    const value = body.data?.[probe.rootField] as { nodes?: unknown[]; pageInfo?: { endCursor: string | null; hasNextPage: boolean } } | null;
    if (!probe.paged || !value || !value.nodes) return { data: body.data ?? null, errors, text };
    if (!merged) merged = { [probe.rootField]: { ...value, nodes: [...value.nodes] } };
    else (merged[probe.rootField] as { nodes: unknown[] }).nodes.push(...value.nodes);
    if (!value.pageInfo?.hasNextPage) break;
    after = value.pageInfo.endCursor;
  }
  return { data: merged, errors, text };
}

/** A few ids from a list probe: the first row, and rows inside the partner NGO's areas, so lookups exercise every outcome. */
function pickIds(list: Answer, rootField: string): string[] {
  const nodes = ((list.data?.[rootField] as { nodes?: Record<string, unknown>[] } | null)?.nodes ?? []).filter((n) => typeof n.id === 'string');
  const inPartnerArea = nodes.find((n) => JSON.stringify(n).includes('"CF43'));
  const mission = nodes.find((n) => JSON.stringify(n).includes('MINUSCA'));
  return [...new Set([nodes[0], inPartnerArea, mission].filter(Boolean).map((n) => n!.id as string))];
}

describe('conformance matrix: every audience × every field, through the gateway', () => {
  let t: TestStack;
  let oracleToken: string;
  const truth = new Map<string, Answer>();
  const lookupIds = new Map<string, string[]>();
  const key = (probe: Probe, id?: string) => (id ? `${probe.name}:${id}` : probe.name);
  const judged = new Set<string>();

  beforeAll(async () => {
    // The probes are deep; a generous subgraph timeout keeps a loaded CI machine from failing them.
    t = await startTestStack(TEST_DATABASES[0]!, { subgraphTimeoutMs: 120_000 });
    oracleToken = await groundTruthToken(t);
    // Rows no seed holds, written through the real write path: an NGO's escort request (its route is SECURITY_OPERATIONS).
    const escort = await t.query('ngo-partner', `mutation { saveEscortRequest(input: {
        clientKey: "conformance-escort-1", missionId: "MINUSCA", requestedDate: "${new Date(Date.now() + 7 * 86_400_000).toISOString().slice(0, 10)}",
        purpose: "Food distribution convoy", cargo: "Rice and oil, 4 trucks",
        route: [{ adminAreaPcode: "CF71", name: "Bangui warehouse", latitude: 4.3612, longitude: 18.5551 },
                { adminAreaPcode: "CF431", name: "Bambari distribution site", latitude: 5.7621, longitude: 20.6714 }] }) { id } }`);
    expect(escort.body.errors).toBeUndefined();
    for (const probe of [...probes].sort((a, b) => Number(!!a.idsFrom) - Number(!!b.idsFrom))) {
      if (probe.idsFrom) lookupIds.set(probe.name, pickIds(truth.get(`Query.${probe.idsFrom}`)!, probe.idsFrom));
      for (const id of lookupIds.get(probe.name) ?? [undefined]) {
        const answer = await ask(t, oracleToken, probe, id);
        expect(answer.errors, `${probe.name} as oracle`).toEqual([]);
        truth.set(key(probe, id), answer);
      }
    }
  });
  afterAll(async () => {
    await t?.stop();
  });

  for (const audience of AUDIENCES) {
    it(`${audience.audience}: sees exactly what the policy allows`, async () => {
      const oracle = new Oracle(audience);
      const token = await t.tokenFor(audience.audience);
      const findings: string[] = [];
      const leaks: string[] = [];
      for (const probe of probes) {
       for (const id of lookupIds.get(probe.name) ?? [undefined]) {
        const answer = await ask(t, token, probe, id);
        const comparer = new Comparer(schema, policy, oracle, audience.audience, answer.errors, VOLATILE_ROOTS.has(probe.rootField));
        comparer.compareRoot(probe.rootField, truth.get(key(probe, id))!.data?.[probe.rootField], answer.data?.[probe.rootField]);
        findings.push(...comparer.result.findings);
        for (const value of comparer.result.hidden) {
          if (!comparer.result.shown.has(value) && answer.text.includes(JSON.stringify(value).slice(1, -1))) leaks.push(`${probe.name}: ${value}`);
        }
        for (const error of answer.errors) {
          expect(JSON.stringify(error)).not.toMatch(/stacktrace|\bat .*\.ts:\d+|select .* from/i);
        }
        comparer.result.judged.forEach((f) => judged.add(f));
       }
      }
      if (findings.length) {
        mkdirSync('test-results', { recursive: true });
        writeFileSync(`test-results/conformance-${audience.audience}.json`, JSON.stringify(findings, null, 1));
      }
      expect(findings.slice(0, 30)).toEqual([]);
      expect(leaks.slice(0, 30)).toEqual([]);
    });
  }

  it('reaches every restricted field of the supergraph with data (so the matrix is not vacuous)', () => {
    const restricted: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!('getFields' in type) || type.name.startsWith('_') || type.name.startsWith('join__') || type.name.startsWith('link__')) continue;
      if (VOLATILE_TYPES.has(type.name)) continue;
      if (type.name !== 'Query' && !reachableTypes.has(type.name)) continue; // mutation payloads are judged by the write tests
      for (const field of Object.keys((type as { getFields(): object }).getFields())) {
        const cls = policy.fieldClass(type.name, field);
        if (cls && cls.dataClass !== 'PUBLIC') restricted.push(`${type.name}.${field}`);
      }
    }
    const missed = restricted.filter((f) => !judged.has(f));
    expect({ missed, unreachable }).toEqual({ missed: [], unreachable: [] });
  });
});
