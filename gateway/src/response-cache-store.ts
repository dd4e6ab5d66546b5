import { Redis } from 'ioredis';

/**
 * Where cached responses and tag versions live. A tag is a subgraph name: every entry records
 * the version of each tag it touched when its request *started*; a write bumps the versions
 * of the subgraphs it touched, so every older entry behind them is stale at once — on every
 * replica sharing the store (Redis), with no scan for the keys to delete.
 */
export interface ResponseCacheStore {
  readonly kind: 'memory' | 'redis';
  /** The entry (or null) and the current version of each tag, in one round trip. */
  read(key: string, tags: readonly string[]): Promise<{ entry: string | null; versions: number[] }>;
  write(key: string, entry: string, ttlMs: number): Promise<void>;
  /** Makes every entry that touched one of these tags stale. */
  bump(tags: readonly string[]): Promise<void>;
  /** Resolves once the store can answer, or after a short wait (a dead store costs misses, not a hang). */
  ready?(): Promise<void>;
  close(): Promise<void>;
}

export class MemoryResponseCacheStore implements ResponseCacheStore {
  readonly kind = 'memory' as const;
  private readonly entries = new Map<string, { entry: string; expiresAt: number }>();
  private readonly versions = new Map<string, number>();

  constructor(private readonly maxEntries = 10_000) {}

  async read(key: string, tags: readonly string[]) {
    const found = this.entries.get(key);
    let entry: string | null = null;
    if (found) {
      if (found.expiresAt > Date.now()) entry = found.entry;
      else this.entries.delete(key);
    }
    return { entry, versions: tags.map((t) => this.versions.get(t) ?? 0) };
  }

  async write(key: string, entry: string, ttlMs: number) {
    this.entries.delete(key);
    // Insertion order is age order: the oldest entry goes first when full.
    while (this.entries.size >= this.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
    this.entries.set(key, { entry, expiresAt: Date.now() + ttlMs });
  }

  async bump(tags: readonly string[]) {
    for (const tag of tags) this.versions.set(tag, (this.versions.get(tag) ?? 0) + 1);
  }

  get size(): number {
    return this.entries.size;
  }

  async close() {
    this.entries.clear();
  }
}

export class RedisResponseCacheStore implements ResponseCacheStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'peacegraph:response:') {
    // Fail fast: the cache is an optimisation, a dead Redis must cost a miss, not a hang.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2000, commandTimeout: 1000 });
    this.redis.on('error', () => {});
  }

  async read(key: string, tags: readonly string[]) {
    const values = await this.redis.mget(this.prefix + 'e:' + key, ...tags.map((t) => this.prefix + 't:' + t));
    return { entry: values[0] ?? null, versions: values.slice(1).map((v) => Number(v ?? 0)) };
  }

  async write(key: string, entry: string, ttlMs: number) {
    await this.redis.set(this.prefix + 'e:' + key, entry, 'PX', Math.max(1, Math.round(ttlMs)));
  }

  async bump(tags: readonly string[]) {
    if (!tags.length) return;
    const pipeline = this.redis.pipeline();
    for (const tag of tags) pipeline.incr(this.prefix + 't:' + tag);
    await pipeline.exec();
  }

  /** Start-up waits (briefly) for the connection, so the first requests are not misses by accident. */
  async ready(timeoutMs = 2000) {
    if (this.redis.status === 'ready') return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, timeoutMs);
      this.redis.once('ready', () => (clearTimeout(timer), resolve()));
    });
  }

  async close() {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export function createResponseCacheStore(redisUrl: string | undefined, prefix?: string, maxEntries?: number): ResponseCacheStore {
  return redisUrl ? new RedisResponseCacheStore(redisUrl, prefix) : new MemoryResponseCacheStore(maxEntries);
}
