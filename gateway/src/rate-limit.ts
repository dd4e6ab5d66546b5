import { Redis } from 'ioredis';

/**
 * Fixed-window request counters per organisation and per client IP. With REDIS_URL the
 * counters live in Redis, so every gateway replica behind the load balancer counts against
 * the same budget; otherwise in this process's memory.
 */
export interface RateLimitConfig {
  /** Requests per window per client IP (every caller, with or without a token). */
  perIp: number;
  /** Requests per window per organisation (callers with a token). */
  perOrganization: number;
  windowSeconds: number;
}

export const DEFAULT_RATE_LIMIT: RateLimitConfig = { perIp: 600, perOrganization: 1200, windowSeconds: 60 };

export interface RateDecision {
  allowed: boolean;
  /** Seconds until the window resets (the Retry-After value). */
  retryAfterSeconds: number;
  /** Which counter refused: 'ip' or 'organization'. */
  scope?: 'ip' | 'organization';
  limit?: number;
}

export interface CounterStore {
  /** Adds one to `key` in the current window; returns the count and the ms left in the window. */
  increment(key: string, windowMs: number): Promise<{ count: number; resetInMs: number }>;
  close(): Promise<void>;
  readonly kind: 'memory' | 'redis';
}

export class MemoryCounterStore implements CounterStore {
  readonly kind = 'memory' as const;
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  async increment(key: string, windowMs: number) {
    const now = Date.now();
    let entry = this.windows.get(key);
    if (!entry || entry.resetAt <= now) {
      entry = { count: 0, resetAt: now + windowMs };
      this.windows.set(key, entry);
      if (this.windows.size > 100_000) this.sweep(now);
    }
    entry.count++;
    return { count: entry.count, resetInMs: entry.resetAt - now };
  }

  private sweep(now: number): void {
    for (const [key, entry] of this.windows) if (entry.resetAt <= now) this.windows.delete(key);
  }

  async close(): Promise<void> {}
}

// INCR and set the window's expiry atomically on first use; returns the count and the TTL left.
const INCREMENT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then redis.call('PEXPIRE', KEYS[1], ARGV[1]); ttl = tonumber(ARGV[1]) end
return {count, ttl}`;

export class RedisCounterStore implements CounterStore {
  readonly kind = 'redis' as const;
  private readonly redis: Redis;

  constructor(url: string, private readonly prefix = 'peacegraph:rate:') {
    // Bounded: a gateway must not hang on a dead Redis (the limiter then fails open). The offline
    // queue stays on so the first requests after start wait for the connection instead of failing.
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 });
    this.redis.on('error', () => {});
  }

  async increment(key: string, windowMs: number) {
    const [count, ttl] = (await this.redis.eval(INCREMENT_SCRIPT, 1, this.prefix + key, String(windowMs))) as [number, number];
    return { count, resetInMs: ttl };
  }

  async close(): Promise<void> {
    await this.redis.quit().catch(() => this.redis.disconnect());
  }
}

export class RateLimiter {
  constructor(
    readonly config: RateLimitConfig,
    readonly store: CounterStore,
    private readonly onStoreError: (error: unknown) => void = () => {},
  ) {}

  /** Counts one request from this client address (before authentication: bad tokens count too). */
  checkIp(ip: string): Promise<RateDecision> {
    return this.hit('ip', `ip:${ip}`, this.config.perIp);
  }

  /** Counts one request on behalf of this organisation (after authentication). */
  checkOrganization(organizationId: string): Promise<RateDecision> {
    return this.hit('organization', `org:${organizationId}`, this.config.perOrganization);
  }

  private async hit(scope: 'ip' | 'organization', key: string, limit: number): Promise<RateDecision> {
    try {
      const { count, resetInMs } = await this.store.increment(key, this.config.windowSeconds * 1000);
      if (count > limit) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(resetInMs / 1000)), scope, limit };
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (error) {
      // A counter outage must not take the graph down: fail open, and say so in the log.
      this.onStoreError(error);
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }

  close(): Promise<void> {
    return this.store.close();
  }
}

export function createCounterStore(redisUrl: string | undefined, prefix?: string): CounterStore {
  return redisUrl ? new RedisCounterStore(redisUrl, prefix) : new MemoryCounterStore();
}
