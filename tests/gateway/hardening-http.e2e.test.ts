// Issue 8: limits, HTTP refusals, production mode, trusted operations, rate limiting and the
// GraphQL-over-HTTP audit — over HTTP, against gateways in front of one running test stack.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { SignJWT } from 'jose';
import { serverAudits } from 'graphql-http';
import { Kind, parse } from 'graphql';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildManifest,
  DEFAULT_AUDIENCE,
  DEFAULT_ISSUER,
  DEFAULT_LIMITS,
  loadManifest,
  operationId,
  PERSISTED_OPERATIONS_MANIFEST_PATH,
  renderManifest,
  startTracing,
  type RunningGateway,
} from '@peacegraph/gateway';
import { PUBLIC_IDENTITY, signIdentity } from '@peacegraph/kit';
import { mintDevToken } from '../../scripts/token';
import { TEST_DATABASES } from '../databases';

/** The variables an operation declares (a default such as `= { first: 5 }` may sit among them). */
function declaredVariables(body: string): string[] {
  return parse(body).definitions.flatMap((d) => (d.kind === Kind.OPERATION_DEFINITION ? (d.variableDefinitions ?? []).map((v) => v.variable.name.value) : []));
}
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';
import { post, startHardenedGateway } from '../process-harness';

const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

async function redisReachable(): Promise<boolean> {
  const client = new Redis(REDIS_URL, { lazyConnect: true, maxRetriesPerRequest: 0, connectTimeout: 1000, enableOfflineQueue: false });
  client.on('error', () => {});
  try {
    await client.connect();
    return (await client.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    client.disconnect();
  }
}
const hasRedis = await redisReachable();

async function tokenWithRoles(org: string, roles: string[]): Promise<string> {
  return new SignJWT({ org, org_type: 'un-agency', roles })
    .setProtectedHeader({ alg: 'HS256' })
    .setSubject(`tester@${org}`)
    .setIssuer(DEFAULT_ISSUER)
    .setAudience(DEFAULT_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime('5m')
    .sign(new TextEncoder().encode(TEST_JWT_SECRET));
}

const bearer = async (audience: string) => ({ authorization: `Bearer ${await mintDevToken(audience, { secret: TEST_JWT_SECRET })}` });

let t: TestStack;
const gateways: RunningGateway[] = [];
async function gateway(options: Parameters<typeof startHardenedGateway>[1]): Promise<RunningGateway> {
  const g = await startHardenedGateway(t, options);
  gateways.push(g);
  return g;
}

beforeAll(async () => {
  // Limits, refusals and masking need the schema, not the data: an unseeded stack starts fastest.
  t = await startTestStack(TEST_DATABASES[0]!, { seed: false });
});
afterAll(async () => {
  for (const g of gateways) await g.stop();
  await t?.stop();
});

describe('operation limits: each rejects just above its value and accepts at it', () => {
  let tight: RunningGateway;
  beforeAll(async () => {
    tight = await gateway({ limits: { maxDepth: 5, maxAliases: 2, maxDirectives: 2, maxTokens: 1000, maxCost: 100, maxPageSize: 500 } });
  });

  function expectLimit(res: Awaited<ReturnType<typeof post>>, limit: string, max: number, found: number) {
    expect(res.status).toBe(400);
    const error = res.json.errors!.find((e) => e.extensions?.limit === limit)!;
    expect(error, res.text).toBeDefined();
    expect(error.extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED', limit, max, found });
    expect(error.message).toContain(String(max));
    expect(error.message).toContain(String(found));
    expect(res.json.data).toBeUndefined();
  }
  function expectAccepted(res: Awaited<ReturnType<typeof post>>) {
    expect(res.status, res.text).toBe(200);
    expect(res.json.errors, res.text).toBeUndefined();
  }

  it('depth', async () => {
    expectAccepted(await post(tight.url, { query: '{ adminArea(pcode: "CF43") { incidents { nodes { adminArea { name } } } } }' }));
    expectLimit(await post(tight.url, { query: '{ adminArea(pcode: "CF43") { incidents { nodes { adminArea { country { name } } } } } }' }), 'maxDepth', 5, 6);
  });

  it('aliases', async () => {
    expectAccepted(await post(tight.url, { query: '{ a: countries { iso3 } b: countries { iso3 } }' }));
    expectLimit(await post(tight.url, { query: '{ a: countries { iso3 } b: countries { iso3 } c: countries { iso3 } }' }), 'maxAliases', 2, 3);
  });

  it('directives', async () => {
    expectAccepted(await post(tight.url, { query: '{ countries @include(if: true) { iso3 @skip(if: false) } }' }));
    expectLimit(await post(tight.url, { query: '{ countries @include(if: true) { iso3 @skip(if: false) name @skip(if: false) } }' }), 'maxDirectives', 2, 3);
  });

  it('tokens (counted before parsing)', async () => {
    const fewTokens = await gateway({ limits: { ...DEFAULT_LIMITS, maxTokens: 20 } });
    const fields = (n: number) => `{ countries { ${Array.from({ length: n }, () => 'iso3').join(' ')} } }`; // 5 + n tokens
    expectAccepted(await post(fewTokens.url, { query: fields(15) }));
    expectLimit(await post(fewTokens.url, { query: fields(16) }), 'maxTokens', 20, 21);
  });

  it('cost, weighting a list by its page size (inline or from variables)', async () => {
    // missions (1) + first × nodes (1 + id + name) = 1 + 3 × first
    const q = (first: number) => `{ missions(page: { first: ${first} }) { nodes { id name } } }`;
    expectAccepted(await post(tight.url, { query: q(33) }));
    expectLimit(await post(tight.url, { query: q(34) }), 'maxCost', 100, 103);
    const withVariables = 'query Missions($page: PageInput) { missions(page: $page) { nodes { id name } } }';
    expectAccepted(await post(tight.url, { query: withVariables, variables: { page: { first: 33 } } }));
    expectLimit(await post(tight.url, { query: withVariables, variables: { page: { first: 34 } } }), 'maxCost', 100, 103);
  });

  it('page size: at most 500, refused at the gateway before any subgraph is asked', async () => {
    const defaults = await gateway({});
    expectAccepted(await post(defaults.url, { query: '{ missions(page: { first: 500 }) { nodes { id } } }' }));
    expectLimit(await post(defaults.url, { query: '{ missions(page: { first: 501 }) { nodes { id } } }' }), 'maxPageSize', 500, 501);
  });

  it('the default limits admit every operation of the trusted manifest', async () => {
    const defaults = await gateway({});
    for (const op of loadManifest().operations) {
      if (op.type !== 'query') continue;
      // Values for the variables the dashboards declare, by name.
      const values: Record<string, unknown> = { acronym: 'MINUSCA', missionId: 'MINUSCA', mission: 'MINUSCA', countryIso3: 'CAF', year: 2021, planYear: 2024, page: { first: 50 }, incidents: { first: 50 }, first: 500, top: 10, organizationId: 'nrc' };
      const declared = declaredVariables(op.body);
      const variables = Object.fromEntries(declared.filter((n) => n in values).map((n) => [n, values[n]]));
      const res = await post(defaults.url, { documentId: op.id, variables });
      expect(res.status, `${op.name}: ${res.text}`).toBe(200);
      // Asked as the public: a field the policy withholds (FORBIDDEN) is not a limit.
      expect((res.json.errors ?? []).filter((e) => e.extensions?.code !== 'FORBIDDEN'), `${op.name}: ${res.text}`).toEqual([]);
    }
  });
});

describe('HTTP refusals', () => {
  let g: RunningGateway;
  beforeAll(async () => {
    g = await gateway({ maxBodyBytes: 10_000 });
  });

  it('refuses a batch of operations', async () => {
    const res = await post(g.url, [{ query: '{ countries { iso3 } }' }, { query: '{ countries { name } }' }]);
    expect(res.status).toBe(400);
    expect(res.json.errors![0]!.message).toMatch(/Batched operations are not accepted/);
  });

  it('refuses a mutation over GET', async () => {
    const query = 'mutation { cancelEscortRequest(clientKey: "k", id: "x") { id } }';
    const res = await fetch(`${g.url}?query=${encodeURIComponent(query)}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(405);
    expect(await res.text()).toMatch(/GET/);
  });

  it('refuses text/plain and form POSTs (what a cross-site form can send)', async () => {
    for (const [type, body] of [
      ['text/plain', JSON.stringify({ query: '{ countries { iso3 } }' })],
      ['application/x-www-form-urlencoded', 'query=%7B%20countries%20%7B%20iso3%20%7D%20%7D'],
      ['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="query"\r\n\r\n{ countries { iso3 } }\r\n--x--'],
    ] as const) {
      const res = await fetch(g.url, { method: 'POST', headers: { 'content-type': type }, body });
      expect(res.status, type).toBe(415);
      expect(await res.text()).not.toMatch(/"data"/);
    }
  });

  it('refuses a simple GET without a preflight header (CSRF prevention)', async () => {
    const res = await fetch(`${g.url}?query=${encodeURIComponent('{ countries { iso3 } }')}`);
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/Cross-Site Request Forgery/);
    const allowed = await fetch(`${g.url}?query=${encodeURIComponent('{ countries { iso3 } }')}`, { headers: { 'apollo-require-preflight': 'true' } });
    expect(allowed.status).toBe(200);
  });

  it('answers 413 above the body cap, whatever the declared length', async () => {
    const big = { query: `{ countries { iso3 } } # ${'x'.repeat(20_000)}` };
    const res = await post(g.url, big);
    expect(res.status).toBe(413);
    expect(res.json.errors![0]!.extensions!.code).toBe('PAYLOAD_TOO_LARGE');
  });
});

/** A subgraph that leaks everything a real one might: stack, SQL, Postgres code, paths, URLs. */
function startLeakySubgraph(): Promise<{ url: string; server: Server }> {
  const leak = {
    message: 'relation "finance.secret_table" does not exist at /work/main/subgraphs/finance/src/db.ts:42 (postgres://admin:pw@10.0.0.5:5432/prod)',
    extensions: {
      code: 'INTERNAL_SERVER_ERROR',
      stacktrace: ['Error: boom', '    at query (/work/main/subgraphs/finance/src/x.ts:1:1)'],
      sql: 'select * from finance.secret_table where victim_name = $1',
      params: ['Amina Victim'],
      pgCode: '42P01',
      serviceUrl: 'http://10.0.0.5:4004/graphql',
    },
  };
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ data: null, errors: [leak, { ...leak, extensions: { ...leak.extensions, code: 'BAD_USER_INPUT' }, message: 'bad input' }] }));
    });
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}/graphql`, server })));
}

describe('production mode', () => {
  let prod: RunningGateway;
  let leaky: { url: string; server: Server };
  beforeAll(async () => {
    leaky = await startLeakySubgraph();
    prod = await gateway({ production: true, subgraphUrls: { finance: leaky.url, humanitarian: 'http://127.0.0.1:1/graphql' } });
  });
  afterAll(() => {
    leaky.server.close();
  });

  it('gives no "Did you mean" suggestions (development does)', async () => {
    const dev = await gateway({ production: false });
    const typo = { query: '{ misions { nodes { id } } }' };
    expect((await post(dev.url, typo)).text).toMatch(/Did you mean/);
    const res = await post(prod.url, typo);
    expect(res.status).toBe(400);
    expect(res.text).not.toMatch(/Did you mean|missions/);
  });

  it('refuses introspection except for the schema-reader role', async () => {
    const query = '{ __schema { queryType { name } } }';
    for (const headers of [{}, await bearer('un-agency')]) {
      const res = await post(prod.url, { query }, headers);
      expect(res.status).toBe(403);
      expect(res.text).not.toMatch(/queryType/);
    }
    const typeQuery = await post(prod.url, { query: '{ __type(name: "Mission") { fields { name } } }' });
    expect(typeQuery.status).toBe(403);
    const reader = await post(prod.url, { query }, { authorization: `Bearer ${await tokenWithRoles('ocha', ['schema-reader'])}` });
    expect(reader.status).toBe(200);
    expect(reader.json.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
  });

  it('serves no landing page', async () => {
    const res = await fetch(prod.url, { headers: { accept: 'text/html' } });
    expect(await res.text()).not.toMatch(/<html|<!DOCTYPE/i);
    const dev = await gateway({ production: false });
    expect(await (await fetch(dev.url, { headers: { accept: 'text/html' } })).text()).toMatch(/<html|<!DOCTYPE/i);
  });

  it('masks errors passed through from a subgraph, with the request id the client also gets', async () => {
    const res = await post(prod.url, { query: '{ fiscalPeriods { __typename } }' });
    expect(res.text).not.toMatch(/secret_table|\/work\/|\.ts:|postgres:|10\.0\.0\.5|42P01|stacktrace|select |Amina|serviceName|serviceUrl/);
    const requestId = res.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const internal = res.json.errors!.find((e) => e.extensions?.code === 'INTERNAL_SERVER_ERROR')!;
    expect(internal).toMatchObject({ message: 'Internal server error.', extensions: { code: 'INTERNAL_SERVER_ERROR', requestId } });
    // A client code passes with its message, but never with the leaked extensions.
    const client = res.json.errors!.find((e) => e.extensions?.code === 'BAD_USER_INPUT')!;
    expect(Object.keys(client.extensions!).sort()).toEqual(['code']);
  });

  it('names a dead subgraph without its address or the network error', async () => {
    const res = await post(prod.url, { query: '{ countries { iso3 } organization(id: "nrc") { name } }' });
    expect(res.status).toBe(200);
    expect(res.json.data).toEqual({ countries: [], organization: null });
    expect(res.json.errors).toEqual([
      { message: 'The humanitarian service is unavailable.', path: ['organization'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', requestId: res.headers.get('x-request-id') } },
    ]);
    expect(res.text).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|fetch failed|:1\//);
  });
});

describe('trusted operations', () => {
  const manifest = loadManifest();
  const overview = manifest.operations.find((o) => o.name === 'MissionOverview')!;

  it('the committed manifest is built from persisted-operations/, ids the SHA-256 of their documents', () => {
    expect(readFileSync(PERSISTED_OPERATIONS_MANIFEST_PATH, 'utf8')).toBe(renderManifest(buildManifest()));
    expect(manifest.operations.length).toBeGreaterThanOrEqual(4);
    for (const op of manifest.operations) expect(op.id).toBe(operationId(op.body));
  });

  it('runs a manifest operation by documentId and by APQ hash, in either mode', async () => {
    for (const g of [await gateway({}), await gateway({ trustedOperationsOnly: true })]) {
      const byId = await post(g.url, { documentId: overview.id, variables: { acronym: 'MINUSCA' } });
      expect(byId.status, byId.text).toBe(200);
      expect(byId.json).toEqual({ data: { mission: null } });
      const byHash = await post(g.url, { variables: { acronym: 'MINUSCA' }, extensions: { persistedQuery: { version: 1, sha256Hash: overview.id } } });
      expect(byHash.json).toEqual({ data: { mission: null } });
      const overGet = await fetch(`${g.url}?documentId=${overview.id}&variables=${encodeURIComponent('{"acronym":"MINUSCA"}')}`, { headers: { 'apollo-require-preflight': 'true' } });
      expect(await overGet.json()).toEqual({ data: { mission: null } });
    }
  });

  it('with TRUSTED_OPERATIONS_ONLY refuses any other operation, by text, hash or id', async () => {
    const g = await gateway({ trustedOperationsOnly: true });
    const text = await post(g.url, { query: '{ countries { iso3 } }' });
    expect(text.status).toBe(403);
    expect(text.json.errors![0]!.extensions!.code).toBe('OPERATION_NOT_TRUSTED');
    const unknownId = await post(g.url, { documentId: 'f'.repeat(64) });
    expect(unknownId.status).toBe(400);
    expect(unknownId.json.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    const query = '{ countries { name } }';
    const apqRegistration = await post(g.url, { query, extensions: { persistedQuery: { version: 1, sha256Hash: operationId(query) } } });
    expect(apqRegistration.status).toBe(403);
    const apq = await post(g.url, { extensions: { persistedQuery: { version: 1, sha256Hash: operationId(query) } } });
    expect(apq.status).toBe(400);
    // The exact text of a manifest operation is trusted too.
    expect((await post(g.url, { query: overview.body, variables: { acronym: 'X' } })).status).toBe(200);
  });

  it('in development, automatic persisted queries register any operation', async () => {
    const g = await gateway({});
    const query = '{ countries { iso3 name } }';
    const extensions = { persistedQuery: { version: 1, sha256Hash: operationId(query) } };
    const miss = await post(g.url, { extensions });
    expect(miss.json.errors![0]!.extensions!.code).toBe('PERSISTED_QUERY_NOT_FOUND');
    expect((await post(g.url, { query, extensions })).json).toEqual({ data: { countries: [] } });
    expect((await post(g.url, { extensions })).json).toEqual({ data: { countries: [] } });
  });
});

describe.each([
  ['memory', false],
  ['redis', true],
] as const)('rate limiting (%s counters)', (label, useRedis) => {
  const prefix = `peacegraph:test:${process.pid}:${Date.now()}:${label}:`;
  it.skipIf(useRedis && !hasRedis)('answers 429 with Retry-After per client address, shared by replicas', async () => {
    const options = { rateLimit: { perIp: 3, perOrganization: 100, windowSeconds: 30 }, redisUrl: useRedis ? REDIS_URL : undefined, redisKeyPrefix: `${prefix}ip:` };
    const a = await gateway(options);
    // With Redis, a second replica shares the counters; in memory each replica counts alone.
    const b = useRedis ? await gateway(options) : a;
    const query = { query: '{ countries { iso3 } }' };
    expect((await post(a.url, query)).status).toBe(200);
    expect((await post(b.url, query)).status).toBe(200);
    expect((await post(a.url, query)).status).toBe(200);
    const limited = await post(b.url, query);
    expect(limited.status).toBe(429);
    const retryAfter = Number(limited.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(30);
    expect(limited.json.errors![0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 'perIp', max: 3 } });
    expect(limited.json.errors![0]!.message).toMatch(/Rate limit of 3/);
  });

  it.skipIf(useRedis && !hasRedis)('counts each organisation separately', async () => {
    const g = await gateway({ rateLimit: { perIp: 1000, perOrganization: 2, windowSeconds: 30 }, redisUrl: useRedis ? REDIS_URL : undefined, redisKeyPrefix: `${prefix}org:` });
    const query = { query: '{ countries { iso3 } }' };
    const ocha = await bearer('un-agency');
    const nrc = await bearer('ngo-partner');
    expect((await post(g.url, query, ocha)).status).toBe(200);
    expect((await post(g.url, query, ocha)).status).toBe(200);
    const limited = await post(g.url, query, ocha);
    expect(limited.status).toBe(429);
    expect(limited.json.errors![0]).toMatchObject({ extensions: { code: 'RATE_LIMITED', limit: 'perOrganization', max: 2 } });
    expect((await post(g.url, query, nrc)).status).toBe(200);
    // The public (no organisation) is held only by its address limit.
    expect((await post(g.url, query)).status).toBe(200);
  });

  it.runIf(useRedis)('fails open when Redis cannot be reached: answers come, each within the bounded wait', async () => {
    // Nothing listens on this port (the tests' own range): every counter call fails.
    const g = await gateway({ rateLimit: { perIp: 1, perOrganization: 1, windowSeconds: 30 }, redisUrl: 'redis://127.0.0.1:5399', redisKeyPrefix: `${prefix}down:` });
    const query = { query: '{ countries { iso3 } }' };
    for (let i = 0; i < 3; i++) {
      const started = Date.now();
      expect((await post(g.url, query, await bearer('un-agency'))).status).toBe(200);
      expect(Date.now() - started).toBeLessThan(5_000);
    }
  });
});

describe('GraphQL over HTTP', () => {
  it('passes every MUST of the graphql-http server audit', async () => {
    const g = await gateway({});
    const audits = serverAudits({ url: g.url });
    const failures: string[] = [];
    for (const audit of audits) {
      const result = await audit.fn();
      if (audit.name.startsWith('MUST') && result.status !== 'ok') failures.push(`${audit.name}: ${result.reason}`);
    }
    expect(failures).toEqual([]);
    expect(audits.filter((a) => a.name.startsWith('MUST')).length).toBeGreaterThan(5);
  });

  it('sends each answer with its length, not chunked (answers, refusals and the subgraphs behind them)', async () => {
    const g = await gateway({});
    const answer = await post(g.url, { query: '{ countries { iso3 name } }' });
    const refusal = await post(g.url, [{ query: '{ countries { iso3 } }' }]);
    expect(answer.status).toBe(200);
    expect(refusal.status).toBe(400);
    for (const res of [answer, refusal]) {
      expect(res.headers.get('transfer-encoding')).toBeNull();
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text));
    }
    // A subgraph answers the gateway the same way, signed answers and refusals alike.
    const body = JSON.stringify({ query: '{ __typename }' });
    const signed = await post(t.subgraphUrl('missions'), body, signIdentity(t.signingSecret, PUBLIC_IDENTITY, body, { subgraph: 'missions' }));
    const unsigned = await post(t.subgraphUrl('missions'), body);
    expect([signed.status, unsigned.status]).toEqual([200, 401]);
    for (const res of [signed, unsigned]) {
      expect(res.headers.get('transfer-encoding')).toBeNull();
      expect(Number(res.headers.get('content-length'))).toBe(Buffer.byteLength(res.text));
    }
  });
});

describe('tracing', () => {
  it('is off unless OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
    expect(startTracing({}).enabled).toBe(false);
  });

  it('with an unreachable collector, requests still succeed and shutdown is bounded', async () => {
    const tracing = startTracing({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:1' });
    try {
      expect(tracing.enabled).toBe(true);
      const g = await gateway({});
      const res = await post(g.url, { query: '{ countries { iso3 } }' });
      expect(res.status).toBe(200);
    } finally {
      const started = Date.now();
      await tracing.shutdown();
      expect(Date.now() - started).toBeLessThan(5000);
    }
  });
});
