// Issue 20, UN working languages: country, mission and admin-area names in English, French and
// (for countries) Arabic, chosen by the `language:` argument or the caller's Accept-Language,
// through the real gateway over HTTP; and no cache — the gateway's response cache or a
// subgraph's shared reads — hands one language's answer to a caller of another.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startGateway, type RunningGateway } from '@peacegraph/gateway';
import { PUBLIC_IDENTITY, signIdentity } from '@peacegraph/kit';
import { compose } from '../../scripts/compose';
import { SUBGRAPHS } from '../../scripts/subgraphs';
import { TEST_DATABASES } from '../databases';
import { startTestStack, TEST_JWT_SECRET, type TestStack } from '../harness';

const MINUSCA = {
  en: 'United Nations Multidimensional Integrated Stabilization Mission in the Central African Republic',
  fr: 'Mission multidimensionnelle intégrée des Nations Unies pour la stabilisation en République centrafricaine',
};
const CAF = { en: 'Central African Republic', fr: 'République Centrafricaine', ar: 'جمهورية أفريقيا الوسطى' };
const COD = { en: 'Democratic Republic of the Congo', fr: 'République démocratique du Congo', ar: 'جمهورية الكونغو الديمقراطية' };

const MISSION_NAMES = `{ mission(acronym: "MINUSCA") { name hostCountries { name } } country(iso3: "COD") { name } }`;

interface Answer {
  status: number;
  headers: Headers;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
  text: string;
}

/** POST (or GET) a query with an Accept-Language header, as a browser or curl would. */
async function ask(url: string, query: string, acceptLanguage?: string, options: { token?: string; method?: 'GET' | 'POST' } = {}): Promise<Answer> {
  const headers: Record<string, string> = {
    // Node's fetch sends `accept-language: *` when none is set: "anything", which is English.
    ...(acceptLanguage !== undefined ? { 'accept-language': acceptLanguage } : {}),
    ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
  };
  const response =
    options.method === 'GET'
      ? await fetch(`${url}?query=${encodeURIComponent(query)}`, { headers: { ...headers, 'apollo-require-preflight': 'true' } })
      : await fetch(url, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query }) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, body: JSON.parse(text) as Answer['body'], text };
}

function namesOf(answer: Answer) {
  expect(answer.body.errors, answer.text).toBeUndefined();
  const { mission, country } = answer.body.data;
  return { mission: mission.name as string, host: mission.hostCountries[0].name as string, cod: country.name as string };
}

describe.each(TEST_DATABASES)('names by language on $label', (kind) => {
  let stack: TestStack;
  let cached: RunningGateway;

  beforeAll(async () => {
    stack = await startTestStack(kind);
    cached = await startGateway({
      supergraphSdl: (await compose()).supergraphSdl,
      subgraphUrls: Object.fromEntries(SUBGRAPHS.map((s) => [s.name, stack.subgraphUrl(s.name)])),
      signingSecret: stack.signingSecret,
      jwt: { kind: 'hs256', secret: TEST_JWT_SECRET, issuer: 'peacegraph-dev', audience: 'peacegraph' },
      port: 0,
      host: '127.0.0.1',
      limits: false,
      rateLimit: false,
      responseCache: { database: stack.database, ttlSeconds: 60, redisKeyPrefix: `peacegraph-test:${randomUUID()}:` },
    });
  }, 180_000);
  afterAll(async () => {
    await cached?.stop();
    await stack?.stop();
  });

  test('without Accept-Language or argument the names are English, as before', async () => {
    const answer = await ask(stack.gatewayUrl, MISSION_NAMES);
    expect(namesOf(answer)).toEqual({ mission: MINUSCA.en, host: CAF.en, cod: COD.en });
    expect(answer.headers.get('content-language')).toBe('en');
    expect(answer.headers.get('vary')).toMatch(/accept-language/i);
  });

  test('Accept-Language: French (q-values respected) gives French country and mission names', async () => {
    for (const header of ['fr', 'fr-FR,fr;q=0.9,en;q=0.8', 'en;q=0.5, fr-CA;q=0.9']) {
      const answer = await ask(stack.gatewayUrl, MISSION_NAMES, header);
      expect(namesOf(answer), header).toEqual({ mission: MINUSCA.fr, host: CAF.fr, cod: COD.fr });
      expect(answer.headers.get('content-language'), header).toBe('fr');
    }
    // A language we do not serve is passed over for the next one the caller accepts, else English.
    expect(namesOf(await ask(stack.gatewayUrl, MISSION_NAMES, 'de-DE, fr;q=0.5')).mission).toBe(MINUSCA.fr);
    expect(namesOf(await ask(stack.gatewayUrl, MISSION_NAMES, 'de-DE, es;q=0.5')).mission).toBe(MINUSCA.en);
  });

  test('Arabic: countries in Arabic; missions in English (no Arabic source)', async () => {
    const answer = await ask(stack.gatewayUrl, MISSION_NAMES, 'ar');
    expect(namesOf(answer)).toEqual({ mission: MINUSCA.en, host: CAF.ar, cod: COD.ar });
    expect(answer.headers.get('content-language')).toBe('ar');
  });

  test('the language argument overrides the header, field by field', async () => {
    const query = `{ mission(acronym: "MINUSCA") { en: name(language: EN) fr: name(language: FR) ar: name(language: AR) asked: name } country(iso3: "CAF") { en: name(language: EN) fr: name(language: FR) ar: name(language: AR) asked: name } }`;
    const french = await ask(stack.gatewayUrl, query, 'fr');
    expect(french.body.errors, french.text).toBeUndefined();
    expect(french.body.data.mission).toEqual({ en: MINUSCA.en, fr: MINUSCA.fr, ar: MINUSCA.en, asked: MINUSCA.fr });
    expect(french.body.data.country).toEqual({ en: CAF.en, fr: CAF.fr, ar: CAF.ar, asked: CAF.fr });
    const english = await ask(stack.gatewayUrl, query, 'en');
    expect(english.body.data.country).toEqual({ en: CAF.en, fr: CAF.fr, ar: CAF.ar, asked: CAF.en });
  });

  test('an unknown language is refused before anything runs, naming the Language enum', async () => {
    const answer = await ask(stack.gatewayUrl, `{ country(iso3: "CAF") { name(language: DE) } }`);
    expect(answer.body.data ?? null).toBeNull();
    expect(answer.body.errors?.[0]?.message).toBe('Value "DE" does not exist in "Language" enum.');
    expect(answer.body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('admin areas keep their official COD name in every language', async () => {
    const query = `query($iso3: CountryCode) { adminAreas(countryIso3: $iso3, level: 1) { pcode name fr: name(language: FR) ar: name(language: AR) en: name(language: EN) } }`;
    for (const iso3 of ['CAF', 'SSD']) {
      const response = await fetch(stack.gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': 'fr' },
        body: JSON.stringify({ query, variables: { iso3 } }),
      });
      const body = (await response.json()) as { data: { adminAreas: { pcode: string; name: string; fr: string; ar: string; en: string }[] } };
      expect(body.data.adminAreas.length, iso3).toBeGreaterThan(0);
      for (const area of body.data.adminAreas) expect([area.fr, area.ar, area.en], area.pcode).toEqual([area.name, area.name, area.name]);
    }
  });

  test('names reached through another subgraph (an incident’s mission and area) follow the header too', async () => {
    const token = await stack.tokenFor('mission-ops');
    const query = `{ incidents(filter: { missionId: "MINUSCA" }, page: { first: 3 }) { nodes { mission { name } adminArea { name } } } }`;
    const [english, french] = await Promise.all([ask(stack.gatewayUrl, query, 'en', { token }), ask(stack.gatewayUrl, query, 'fr', { token })]);
    expect(english.body.errors, english.text).toBeUndefined();
    expect(french.body.errors, french.text).toBeUndefined();
    const en = english.body.data.incidents.nodes as { mission: { name: string }; adminArea: { name: string } }[];
    const fr = french.body.data.incidents.nodes as typeof en;
    expect(en.length).toBeGreaterThan(0);
    expect(en.every((n) => n.mission.name === MINUSCA.en)).toBe(true);
    expect(fr.every((n) => n.mission.name === MINUSCA.fr)).toBe(true);
    expect(fr.map((n) => n.adminArea.name)).toEqual(en.map((n) => n.adminArea.name));
  });

  test('simultaneous callers in different languages each get their own: a subgraph’s shared reads keep languages apart', async () => {
    // Straight to the missions subgraph, signed as the gateway signs, so identical bodies in
    // flight at once may join one execution (on PostgreSQL; PGlite answers before the next arrives).
    const missions = stack.stack.subgraphs.find((s) => s.name === 'missions')!;
    const body = JSON.stringify({ query: `{ country(iso3: "CAF") { name } }` });
    const call = async (language: string) => {
      const response = await fetch(missions.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'accept-language': language, ...signIdentity(stack.signingSecret, PUBLIC_IDENTITY, body, { subgraph: 'missions' }) },
        body,
      });
      return ((await response.json()) as { data: { country: { name: string } } }).data.country.name;
    };
    const languages = ['fr', 'en', 'ar', 'fr', 'en', 'ar', 'fr', 'en', 'ar'];
    const expected = { fr: CAF.fr, en: CAF.en, ar: CAF.ar } as Record<string, string>;
    let joined = 0;
    for (let attempt = 0; attempt < 5 && (attempt === 0 || (kind.label === 'postgres' && joined === 0)); attempt++) {
      const before = missions.sharedReads().joined;
      const names = await Promise.all(languages.map(call));
      joined += missions.sharedReads().joined - before;
      expect(names).toEqual(languages.map((l) => expected[l]));
    }
    if (kind.label === 'postgres') expect(joined, 'same-language reads joined at least once').toBeGreaterThan(0);
  });

  test('the response cache keys on the negotiated language: a French answer never reaches an English caller', async () => {
    const query = `{ mission(acronym: "MINUSCA") { name hostCountries { name } } country(iso3: "COD") { name } }`;
    const french = await ask(cached.url, query, 'fr');
    expect(french.headers.get('x-cache')).toBe('MISS');
    expect(namesOf(french).mission).toBe(MINUSCA.fr);

    const english = await ask(cached.url, query, 'en');
    expect(english.headers.get('x-cache')).toBe('MISS');
    expect(namesOf(english)).toEqual({ mission: MINUSCA.en, host: CAF.en, cod: COD.en });
    expect(english.headers.get('content-language')).toBe('en');

    // Another spelling of the same choice is the same entry; no header at all is English.
    const canadian = await ask(cached.url, query, 'fr-CA,fr;q=0.9');
    expect(canadian.headers.get('x-cache')).toBe('HIT');
    expect(canadian.text).toBe(french.text);
    expect(canadian.headers.get('content-language')).toBe('fr');
    const unspecified = await ask(cached.url, query);
    expect(unspecified.headers.get('x-cache')).toBe('HIT');
    expect(namesOf(unspecified).mission).toBe(MINUSCA.en);

    // Through Apollo Server's path (GET) as well: its own lookup keys on the language too.
    const arabicGet = await ask(cached.url, query, 'ar', { method: 'GET' });
    expect(arabicGet.headers.get('x-cache')).toBe('MISS');
    expect(namesOf(arabicGet).host).toBe(CAF.ar);
    const frenchGet = await ask(cached.url, query, 'fr', { method: 'GET' });
    expect(frenchGet.headers.get('x-cache')).toBe('HIT');
    expect(namesOf(frenchGet).host).toBe(CAF.fr);
    expect(frenchGet.headers.get('content-language')).toBe('fr');
  });
});
