import type { Database } from '../db';
import type { Identity } from '../identity';
import { logger } from '../logger';
import { inForce, loadAgreementsFor, loadRecipientAgreements } from './access';
import type { AgreementInForce } from './access';
import { subgraphSetting } from '../env';

/** Sent by the trigger on policy.agreements (migrations/policy/0002_agreements_changed_notify.sql). */
export const AGREEMENTS_CHANGED_CHANNEL = 'peacegraph_agreements_changed';
/** Upper bound on staleness should a notification ever be lost without a reconnect. */
const BACKSTOP_TTL_MS = 30_000;
/** Distinct (organisation, type, roles) callers kept; beyond that the cache starts over. */
const MAX_ENTRIES = 5_000;

/**
 * The agreements each kind of caller is under, per process and database, so a subgraph request
 * costs no policy statement. Correctness rests on invalidation, not on expiry: the trigger on
 * policy.agreements NOTIFYs at commit and every cache drops everything; a reconnect of the
 * listening connection drops everything too (it may have missed one). Until LISTEN is
 * established — or if it cannot be — every request reads the table as before. Rows are kept
 * whatever their period and filtered by time on each use, so an agreement starts and ends on
 * time without any notification.
 */
class AgreementCache {
  private readonly entries = new Map<string, CacheEntry>();
  private listening = false;
  /** Settles once the cache is listening, or has given up (then every request reads the table). */
  readonly settled: Promise<void> = Promise.resolve();

  constructor(private readonly database: Database) {
    // Behind a transaction-mode pooler (PgBouncer) LISTEN seems to work but hears nothing: turn the cache off there.
    if (subgraphSetting('AGREEMENT_CACHE') === false) return;
    this.settled = database
      .listen(AGREEMENTS_CHANGED_CHANNEL, () => this.clear(), () => {
        this.clear();
        this.listening = true;
      })
      .catch((error: unknown) => logger.warn({ err: error }, 'cannot LISTEN for agreement changes: reading agreements on every request'));
  }

  private clear(): void {
    this.entries.clear();
  }

  async inForceFor(identity: Identity, now: Date): Promise<readonly AgreementInForce[]> {
    if (!this.listening) return loadAgreementsFor(this.database.db, identity, now);
    const key = `${identity.organizationId ?? ''}|${identity.organizationType ?? ''}|${[...identity.roles].sort().join(',')}`;
    let entry = this.entries.get(key);
    if (!entry || Date.now() - entry.loadedAt > BACKSTOP_TTL_MS) {
      if (this.entries.size >= MAX_ENTRIES) this.clear();
      const loaded: CacheEntry = { rows: loadRecipientAgreements(this.database.db, identity), loadedAt: Date.now(), inForce: FROZEN_NONE };
      entry = loaded;
      this.entries.set(key, loaded);
      // A failed read is not remembered.
      loaded.rows.catch(() => this.entries.get(key) === loaded && this.entries.delete(key));
    }
    const current = inForce(await entry.rows, now);
    // The same frozen array while the same rows are in force, so accessFrom can reuse what it worked out from them.
    if (!sameRows(current, entry.inForce)) entry.inForce = Object.freeze(current);
    return entry.inForce;
  }
}

interface CacheEntry {
  rows: Promise<AgreementInForce[]>;
  loadedAt: number;
  /** The rows in force at the last request: handed out again, unchanged, while they still are. */
  inForce: readonly AgreementInForce[];
}

const FROZEN_NONE: readonly AgreementInForce[] = Object.freeze([]);

function sameRows(a: readonly AgreementInForce[], b: readonly AgreementInForce[]): boolean {
  return a.length === b.length && a.every((row, i) => row === b[i]);
}

const caches = new WeakMap<Database, AgreementCache>();

function cacheFor(database: Database): AgreementCache {
  let cache = caches.get(database);
  if (!cache) {
    cache = new AgreementCache(database);
    caches.set(database, cache);
  }
  return cache;
}

/** The agreements in force for this caller now: loadAgreementsFor's answer, from the cache when it can. */
export function agreementsInForce(database: Database, identity: Identity, now = new Date()): Promise<readonly AgreementInForce[]> {
  return cacheFor(database).inForceFor(identity, now);
}

/**
 * Resolves once this process's agreement cache for `database` listens for changes (or has given
 * up): from then on a caller's repeated requests cost no policy statement — the steady state
 * tests that count statements start from.
 */
export function agreementCacheSettled(database: Database): Promise<void> {
  return cacheFor(database).settled;
}
