import { createHash } from 'node:crypto';
import { HeaderMap, type ApolloServerPlugin, type GraphQLRequestContextWillSendResponse } from '@apollo/server';
import type { FormattedExecutionResult } from 'graphql';
import { accessFrom, agreementsInForce, AuditLog, DataClass, logger, recordAuditFacts, type AuditFact, type Database, type Identity, type Language } from '@peacegraph/kit';
import { gatewayEnv } from './env';
import { createResponseCacheStore, type ResponseCacheStore } from './response-cache-store';
import type { GatewayContext } from './context';

/**
 * A response cache for queries (never mutations) that knows about policy. The key is the
 * document hash, the operation name, the variables, the language negotiated from the caller's
 * Accept-Language (names are served in it) and the caller's *effective policy scope*:
 * `Access.fingerprint` — the caller's organisation, type and roles plus the id and version of
 * every agreement in force for them now, from the agreement cache (kit's agreement-cache.ts,
 * dropped by a NOTIFY when policy.agreements changes). Two callers whose agreements differ never share an
 * entry; an agreement that is expired, added or edited changes the key on the next request.
 *
 * Authenticated callers also get their own entries per subject unless `shareAcrossSubjects`.
 *
 * Audit (issue 15): an entry keeps the audit facts of the answer it stores (what the subgraphs
 * logged for its first reader, see kit's AUDIT_EXTENSION), and a hit writes them under the new
 * caller's name, committed *before* the answer is sent; if that write fails, the request is a
 * miss and goes to the subgraphs, which log it themselves. Answers that read the audit log
 * itself (class AUDIT) are never stored: oversight always reads the log as it is now.
 *
 * Invalidation: each entry is tagged with the subgraphs its request reached and the version
 * each tag had when the request started; a mutation bumps the tags of the subgraphs it
 * reached once they answered (its write is committed), which makes every older entry behind
 * them stale at once — a reported incident is visible on the next read. Only answers without
 * errors other than FORBIDDEN (which depend on the scope alone) are stored.
 */
export interface ResponseCacheOptions {
  /** Read for policy.agreements only: the caller's scope. */
  database: Database;
  /** Default 10 s: the staleness bound for writes that do not come through this gateway. */
  ttlSeconds?: number;
  /** Redis (shared by replicas, invalidations included) when set; memory otherwise. */
  redisUrl?: string;
  redisKeyPrefix?: string;
  /** Memory store: the oldest entries go beyond this. Default 10 000. */
  maxEntries?: number;
  /** Bigger answers are not stored. Default 1 MB. */
  maxEntryBytes?: number;
  /** Let callers of one organisation with the same agreements share entries (see above). Default false. */
  shareAcrossSubjects?: boolean;
  /** Subgraph names (the invalidation tags); the gateway passes its own. */
  subgraphs?: readonly string[];
  /** A store of your own (tests). */
  store?: ResponseCacheStore;
}

/** What is stored: a first line of metadata, then the answer exactly as it is sent. */
interface CachedEntry {
  storedAt: number;
  tags: string[];
  versions: number[];
  /** What the answer disclosed, logged again for every caller a hit serves. */
  audit: AuditFact[];
  /** The serialized answer (errors, data, extensions — Apollo Server's order), sent as is on a hit. */
  answer: string;
}

function serializeEntry(entry: CachedEntry): string {
  const { answer, ...meta } = entry;
  return `${JSON.stringify(meta)}\n${answer}`;
}

function parseEntry(stored: string): CachedEntry {
  const newline = stored.indexOf('\n');
  return { ...(JSON.parse(stored.slice(0, newline)) as Omit<CachedEntry, 'answer'>), answer: stored.slice(newline + 1) };
}

/** The answer Apollo Server would write for this result (its `prettyJSONStringify` of the ordered fields). */
function serializeAnswer(result: FormattedExecutionResult): string {
  return `${JSON.stringify({ errors: result.errors, data: result.data, extensions: result.extensions })}\n`;
}

/** Apollo Server's query hash (sha256 of the document text), so both lookups share keys. */
function queryHashOf(query: string): string {
  return createHash('sha256').update(query).digest('hex');
}

/** The fields of a POST body the cache key is made of. */
export interface CacheableRequest {
  query?: unknown;
  operationName?: unknown;
  variables?: unknown;
}

/** A hit answered before Apollo Server runs: the stored answer and its headers. */
export interface CachedAnswer {
  answer: string;
  headers: Record<string, string>;
}

const CACHEABLE_ERROR_CODES = new Set(['FORBIDDEN']);

export interface ResponseCachePlugin extends ApolloServerPlugin<GatewayContext> {
  readonly store: ResponseCacheStore;
  /**
   * A hit for a parsed POST body, answered without Apollo Server (no result object rebuilt and
   * serialized again): null for a miss, or whenever Apollo Server must answer (no query text,
   * an Accept header asking for another media type). The entry was stored by the plugin below
   * for the same document, operation name, variables and scope, so the same limits, rules and
   * policy already produced it.
   */
  answerFromCache(request: CacheableRequest, identity: Identity, language: Language, accept: string | undefined): Promise<CachedAnswer | null>;
}

export function responseCachePlugin(options: ResponseCacheOptions): ResponseCachePlugin {
  const log = logger.child({ service: 'gateway', component: 'response-cache' });
  const ttlMs = (options.ttlSeconds ?? 10) * 1000;
  const maxEntryBytes = options.maxEntryBytes ?? 1_000_000;
  const store = options.store ?? createResponseCacheStore(options.redisUrl, options.redisKeyPrefix, options.maxEntries);
  const tags = [...new Set(options.subgraphs ?? [])];
  // No audit log is ever flushed from here: the gateway decides nothing, it only names the scope.
  const noAudit = new AuditLog('gateway', () => null);

  async function scopeOf(identity: Identity): Promise<string> {
    const access = accessFrom(identity, await agreementsInForce(options.database, identity), noAudit);
    const perSubject = !options.shareAcrossSubjects && isAuthenticated(identity);
    return perSubject ? `${access.fingerprint}:${identity.subject}` : access.fingerprint;
  }

  return {
    store,
    async serverWillStart() {
      await store.ready?.();
      return {
        async serverWillStop() {
          await store.close();
        },
      };
    },
    async answerFromCache(request, identity, language, accept) {
      if (typeof request.query !== 'string') return null;
      if (accept && !/^\s*(\*\/\*|application\/json)\s*(;[^,]*)?$/i.test(accept)) return null; // Apollo Server negotiates the rest
      if (request.variables !== undefined && request.variables !== null && typeof request.variables !== 'object') return null;
      try {
        const operationName = typeof request.operationName === 'string' ? request.operationName : null;
        const key = keyOf(queryHashOf(request.query), operationName, request.variables ?? {}, language, await scopeOf(identity));
        const { entry } = await lookUp(key);
        if (!entry) return null;
        await recordAuditFacts(options.database.db, identity, entry.audit);
        const headers: Record<string, string> = { 'content-type': 'application/json; charset=utf-8' };
        for (const [name, value] of hitHeaders(entry, identity)) headers[name] = value;
        return { answer: entry.answer, headers };
      } catch (error) {
        log.warn({ err: error }, 'response cache unavailable: answering uncached');
        return null;
      }
    },
    async requestDidStart() {
      let lookup: { key: string; tagsAtStart: string[]; versionsAtStart: number[] } | null = null;
      let hit: CachedEntry | null = null;
      return {
        async responseForOperation(rc) {
          if (rc.operation?.operation !== 'query' || !rc.queryHash) return null;
          try {
            const key = keyOf(rc.queryHash, rc.request.operationName ?? null, rc.request.variables ?? {}, rc.contextValue.language, await scopeOf(rc.contextValue.identity));
            const found = await lookUp(key);
            lookup = { key, tagsAtStart: found.tagsAtStart, versionsAtStart: found.versions };
            if (!found.entry) return null;
            await recordAuditFacts(options.database.db, rc.contextValue.identity, found.entry.audit);
            hit = found.entry;
            return { http: { status: undefined, headers: new HeaderMap() }, body: { kind: 'single', singleResult: JSON.parse(found.entry.answer) as FormattedExecutionResult } };
          } catch (error) {
            // The cache is an optimisation: an unreadable policy table or store costs a miss.
            log.warn({ err: error }, 'response cache unavailable: answering uncached');
            lookup = null;
            return null;
          }
        },
        async willSendResponse(rc) {
          const operation = rc.operation?.operation;
          if (operation === 'mutation') {
            const touched = reachedSubgraphs(rc);
            rc.response.http.headers.set('cache-control', 'no-store');
            if (touched.length) {
              await store.bump(touched).catch((error: unknown) => log.error({ err: error, subgraphs: touched }, 'response cache invalidation failed'));
            }
            return;
          }
          if (!lookup) return;
          const headers = rc.response.http.headers;
          const publicCaller = !isAuthenticated(rc.contextValue.identity);
          if (hit) {
            for (const [name, value] of hitHeaders(hit, rc.contextValue.identity)) headers.set(name, value);
            return;
          }
          headers.set('x-cache', 'MISS');
          const stored = await storeAnswer(rc, lookup).catch((error: unknown) => {
            log.warn({ err: error }, 'response cache write failed');
            return false;
          });
          if (stored) for (const [name, value] of cacheControl(publicCaller, Math.floor(ttlMs / 1000), 0)) headers.set(name, value);
          else headers.set('cache-control', 'no-store');
        },
      };
    },
  };

  /** `x-cache: HIT` and the caching headers of an entry, aged by the time since it was stored. */
  function hitHeaders(entry: CachedEntry, identity: Identity): [string, string][] {
    const age = Math.max(0, Math.floor((Date.now() - entry.storedAt) / 1000));
    return [['x-cache', 'HIT'], ...cacheControl(!isAuthenticated(identity), Math.max(0, Math.floor(ttlMs / 1000) - age), age)];
  }

  /** The entry under `key` if every tag it was stored with still has the version it had then. */
  async function lookUp(key: string): Promise<{ entry: CachedEntry | null; tagsAtStart: string[]; versions: number[] }> {
    const tagsAtStart = [...tags];
    const { entry: stored, versions } = await store.read(key, tagsAtStart);
    if (!stored) return { entry: null, tagsAtStart, versions };
    const entry = parseEntry(stored);
    const fresh = entry.tags.every((tag, i) => {
      const at = tagsAtStart.indexOf(tag);
      return at >= 0 && versions[at] === entry.versions[i];
    });
    return { entry: fresh ? entry : null, tagsAtStart, versions };
  }

  async function storeAnswer(
    rc: GraphQLRequestContextWillSendResponse<GatewayContext>,
    lookup: { key: string; tagsAtStart: string[]; versionsAtStart: number[] },
  ): Promise<boolean> {
    const body = rc.response.body;
    if (body.kind !== 'single') return false;
    const result = body.singleResult;
    if (result.errors?.some((e) => !CACHEABLE_ERROR_CODES.has(String(e.extensions?.code)))) return false;
    if (rc.contextValue.subgraphTimings.some((t) => !t.ok && !result.errors?.length)) return false;
    const audit = rc.contextValue.auditFacts;
    if (audit.some((f) => f.dataClass === DataClass.AUDIT)) return false;
    const touched = reachedSubgraphs(rc);
    const versions: number[] = [];
    for (const tag of touched) {
      const at = lookup.tagsAtStart.indexOf(tag);
      if (at < 0) {
        // A subgraph this cache was not told about: learn it, store from the next request on.
        if (!tags.includes(tag)) tags.push(tag);
        return false;
      }
      versions.push(lookup.versionsAtStart[at]!);
    }
    const serialized = serializeEntry({ storedAt: Date.now(), tags: touched, versions, audit, answer: serializeAnswer(result) });
    if (serialized.length > maxEntryBytes) return false;
    await store.write(lookup.key, serialized, ttlMs);
    return true;
  }
}

function isAuthenticated(identity: Identity): boolean {
  return identity.organizationId !== null || identity.organizationType !== null || identity.roles.length > 0;
}

function reachedSubgraphs(rc: GraphQLRequestContextWillSendResponse<GatewayContext>): string[] {
  return [...new Set((rc.contextValue.subgraphTimings ?? []).map((t) => t.subgraph))].sort();
}

/**
 * Public answers may be kept by browsers and shared caches for what is left of their TTL;
 * anything answered for an identified caller is private and never stored on the way.
 */
function cacheControl(publicCaller: boolean, maxAge: number, age: number): [string, string][] {
  return publicCaller
    ? [
        ['cache-control', `public, max-age=${maxAge}`],
        ['age', String(age)],
      ]
    : [['cache-control', 'private, no-store']];
}

/** `v3`: the entry format (metadata line with audit facts + answer); entries of another format are never read. */
function keyOf(queryHash: string, operationName: string | null, variables: unknown, language: Language, scope: string): string {
  return createHash('sha256').update(JSON.stringify(['v3', queryHash, operationName, canonical(variables), language, scope])).digest('base64url');
}

/** JSON with object keys sorted: `{a,b}` and `{b,a}` are the same variables. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

/** `RESPONSE_CACHE=on` (default off), `RESPONSE_CACHE_TTL_SECONDS`, `REDIS_URL`, `RESPONSE_CACHE_SHARE_ACROSS_SUBJECTS`. */
export function responseCacheFromEnv(database: Database | undefined, env: NodeJS.ProcessEnv = process.env): ResponseCacheOptions | undefined {
  const e = gatewayEnv(env);
  if (!e.RESPONSE_CACHE || !database) return undefined;
  return {
    database,
    ttlSeconds: e.RESPONSE_CACHE_TTL_SECONDS ?? 10,
    redisUrl: e.REDIS_URL,
    shareAcrossSubjects: e.RESPONSE_CACHE_SHARE_ACROSS_SUBJECTS ?? false,
  };
}
