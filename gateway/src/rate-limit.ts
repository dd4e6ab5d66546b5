import { Redis } from 'ioredis';
import { RateLimiterMemory, RateLimiterRedis, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * Fixed-window request counters per organisation and per client IP (rate-limiter-flexible: the
 * window starts at a key's first hit). With REDIS_URL the counters live in Redis, so every
 * gateway replica behind the load balancer counts against the same budget; otherwise in this
 * process's memory.
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

export interface RateLimiterOptions {
  /** Counters in Redis (shared by replicas); in memory when absent. */
  redisUrl?: string;
  /** Prefix of this gateway's keys in Redis (tests isolate themselves with it). */
  keyPrefix?: string;
  /** Called when the counters cannot be reached (the request is then allowed). */
  onStoreError?: (error: unknown) => void;
}

export class RateLimiter {
  readonly store: 'memory' | 'redis';
  private readonly redis: Redis | undefined;
  private readonly byIp: RateLimiterAbstract;
  private readonly byOrganization: RateLimiterAbstract;
  private readonly onStoreError: (error: unknown) => void;

  constructor(
    readonly config: RateLimitConfig,
    options: RateLimiterOptions = {},
  ) {
    const prefix = options.keyPrefix ?? 'peacegraph:rate:';
    this.onStoreError = options.onStoreError ?? (() => {});
    this.store = options.redisUrl ? 'redis' : 'memory';
    // Bounded: a gateway must not hang on a dead Redis (the limiter then fails open). The offline
    // queue stays on so the first requests after start wait for the connection instead of failing.
    this.redis = options.redisUrl ? new Redis(options.redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 2000, commandTimeout: 1000 }) : undefined;
    this.redis?.on('error', () => {});
    const limiter = (points: number, scope: string) => {
      const shared = { points, duration: config.windowSeconds, keyPrefix: `${prefix}${scope}` };
      return this.redis ? new RateLimiterRedis({ ...shared, storeClient: this.redis }) : new RateLimiterMemory(shared);
    };
    this.byIp = limiter(config.perIp, 'ip');
    this.byOrganization = limiter(config.perOrganization, 'org');
  }

  /** Counts one request from this client address (before authentication: bad tokens count too). */
  checkIp(ip: string): Promise<RateDecision> {
    return this.hit(this.byIp, 'ip', ip, this.config.perIp);
  }

  /** Counts one request on behalf of this organisation (after authentication). */
  checkOrganization(organizationId: string): Promise<RateDecision> {
    return this.hit(this.byOrganization, 'organization', organizationId, this.config.perOrganization);
  }

  private async hit(limiter: RateLimiterAbstract, scope: 'ip' | 'organization', key: string, limit: number): Promise<RateDecision> {
    try {
      await limiter.consume(key);
      return { allowed: true, retryAfterSeconds: 0 };
    } catch (outcome) {
      // Over the limit, the library rejects with the counter's state; anything else is the store failing.
      if (outcome instanceof RateLimiterRes) return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(outcome.msBeforeNext / 1000)), scope, limit };
      // A counter outage must not take the graph down: fail open, and say so in the log.
      this.onStoreError(outcome);
      return { allowed: true, retryAfterSeconds: 0 };
    }
  }

  async close(): Promise<void> {
    await this.redis?.quit().catch(() => this.redis?.disconnect());
  }
}
