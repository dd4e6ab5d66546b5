import { and, asc, eq, gt, inArray, max, min, or } from 'drizzle-orm';
import { pgSchema } from 'drizzle-orm/pg-core';
import { logger, OUTBOX_CHANNEL, outboxTable, type Database, type OutboxRow } from '@peacegraph/kit';

/** The outboxes the gateway reads (read only): each subgraph that emits events has one in its own schema. */
export const EVENT_SOURCES = ['incidents', 'humanitarian', 'policy'] as const;
export type EventSource = (typeof EVENT_SOURCES)[number];

const outboxes: Record<EventSource, ReturnType<typeof outboxTable>> = {
  incidents: outboxTable(pgSchema('incidents')),
  humanitarian: outboxTable(pgSchema('humanitarian')),
  // Agreement changes (migrations/policy/0005_agreement_outbox.sql).
  policy: outboxTable(pgSchema('policy')),
};

export interface OutboxEvent extends OutboxRow {
  source: EventSource;
}

/** An id skipped by a later row is waited for this long: its transaction may still commit (or it rolled back). */
const GAP_WAIT_MS = 30_000;
/** Read again this often even without a NOTIFY: the bound on delay should a notification be lost. */
const BACKSTOP_POLL_MS = 2_000;
const READ_BATCH = 500;
/** The outbox triggers delete rows older than this (migrations/incidents/0002_outbox.sql). */
export const OUTBOX_RETENTION_MS = 7 * 86_400_000;

class SourceCursor {
  maxSeen = 0;
  /** False while the outbox is missing (migrations not run): reads first look for it again. */
  ready = false;
  /** Ids below maxSeen not seen yet → when first missed. */
  readonly gaps = new Map<number, number>();
  running: Promise<void> | null = null;
  again = false;
}

export class ReplayWindowError extends Error {}

/** PostgreSQL's undefined_table / invalid_schema_name, however the driver wraps it. */
function isMissingRelation(error: unknown): boolean {
  for (let e = error as { code?: unknown; cause?: unknown } | undefined, depth = 0; e && depth < 5; e = e.cause as typeof e, depth++) {
    if (e.code === '42P01' || e.code === '3F000') return true;
  }
  return /relation .* does not exist|schema .* does not exist/i.test(String((error as Error)?.message ?? ''));
}

/**
 * The gateway's view of the outboxes: LISTEN for the NOTIFY each outbox sends at commit, then
 * read the rows after the last one seen. Bigserial ids are taken at insert but become visible at
 * commit, so a later id can appear before an earlier one: an id skipped over is read again until
 * it shows up or GAP_WAIT_MS passes (its transaction rolled back). Any gateway replica reads the
 * same rows, so a write through any replica or subgraph reaches every subscriber.
 */
export class EventFeed {
  private readonly cursors = new Map<EventSource, SourceCursor>(EVENT_SOURCES.map((s) => [s, new SourceCursor()]));
  private readonly listeners = new Set<(event: OutboxEvent) => void>();
  private timer: NodeJS.Timeout | null = null;
  private stopped = false;
  private readonly log = logger.child({ service: 'gateway', component: 'event-feed' });

  /**
   * `wanted`: whether anyone is subscribed now. The backstop poll only runs then — with nobody
   * to deliver to, a lost notification costs nothing, and an idle gateway sends the shared
   * database no statement of its own (statement counts stay per request). NOTIFY-driven reads
   * and the read on every (re)connect run regardless, so the cursor stays current.
   */
  constructor(
    private readonly database: Database,
    private readonly wanted: () => boolean = () => true,
  ) {}

  async start(): Promise<void> {
    for (const source of EVENT_SOURCES) {
      // A database without the outbox (migrations not run) does not stop the gateway: its
      // subscriptions get no events until the outbox exists, and the log says why, once.
      if (!(await this.initialise(source))) {
        this.log.error({ source }, `subscriptions: ${source}.outbox does not exist in DATABASE_URL's database (migrations not run?); no ${source} events until it does`);
      }
    }
    // Every (re)connect reads: notifications sent while the listener was down are lost, the rows are not.
    await this.database.listen(OUTBOX_CHANNEL, () => this.readAll(), () => this.readAll());
    this.timer = setInterval(() => this.wanted() && this.readAll(), BACKSTOP_POLL_MS);
    this.timer.unref();
  }

  stop(): void {
    // The database's listener stays (Database.listen has no way back): it finds the feed stopped.
    this.stopped = true;
    if (this.timer) clearInterval(this.timer);
    this.listeners.clear();
  }

  onEvent(listener: (event: OutboxEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Resolves once every row committed before the call has been read and handed to the listeners. */
  async catchUp(): Promise<void> {
    await Promise.all(EVENT_SOURCES.map((s) => this.read(s)));
  }

  private readAll(): void {
    if (this.stopped) return;
    for (const source of EVENT_SOURCES) void this.read(source);
  }

  /** One read per source at a time; a notification meanwhile makes it read once more. */
  private read(source: EventSource): Promise<void> {
    const cursor = this.cursors.get(source)!;
    if (cursor.running) {
      cursor.again = true;
      return cursor.running.then(() => (cursor.running ? cursor.running : undefined));
    }
    cursor.running = (async () => {
      do {
        cursor.again = false;
        try {
          while ((await this.readBatch(source, cursor)) === READ_BATCH) cursor.again = false;
        } catch (error) {
          this.log.warn({ err: error, source }, 'cannot read the outbox; retrying on the next notification or poll');
        }
      } while (cursor.again);
      cursor.running = null;
    })();
    return cursor.running;
  }

  /** Starts the cursor at the outbox's last row; false (quietly) while the outbox is missing. */
  private async initialise(source: EventSource): Promise<boolean> {
    const cursor = this.cursors.get(source)!;
    const t = outboxes[source];
    try {
      const [row] = await this.database.db.select({ last: max(t.id) }).from(t);
      cursor.maxSeen = Number(row?.last ?? 0);
      cursor.ready = true;
      return true;
    } catch (error) {
      if (isMissingRelation(error)) return false;
      throw error;
    }
  }

  private async readBatch(source: EventSource, cursor: SourceCursor): Promise<number> {
    if (!cursor.ready) {
      if (!(await this.initialise(source))) return 0;
      this.log.info({ source }, `subscriptions: ${source}.outbox found; reading its events`);
      return 0;
    }
    const t = outboxes[source];
    const now = Date.now();
    for (const [id, since] of cursor.gaps) if (now - since > GAP_WAIT_MS) cursor.gaps.delete(id);
    const gaps = [...cursor.gaps.keys()];
    const rows = await this.database.db
      .select()
      .from(t)
      .where(gaps.length ? or(gt(t.id, cursor.maxSeen), inArray(t.id, gaps)) : gt(t.id, cursor.maxSeen))
      .orderBy(asc(t.id))
      .limit(READ_BATCH);
    for (const row of rows) {
      if (cursor.gaps.delete(row.id)) {
        // a late commit of a skipped id
      } else if (row.id > cursor.maxSeen) {
        for (let missing = cursor.maxSeen + 1; missing < row.id && cursor.gaps.size < 10_000; missing++) cursor.gaps.set(missing, now);
        cursor.maxSeen = row.id;
      } else continue;
      const event: OutboxEvent = { ...row, source };
      for (const listener of this.listeners) listener(event);
    }
    return rows.length;
  }

  /**
   * Events of `topic` after `afterId`, oldest first, for a subscriber that reconnects with its
   * last id. Refused when rows after it may already have been pruned (it is older than the
   * oldest kept row and that row is near the end of the retention).
   */
  async replay(source: EventSource, topic: string, afterId: number, limit: number): Promise<OutboxEvent[]> {
    const t = outboxes[source];
    const [oldest] = await this.database.db.select({ id: min(t.id) }).from(t);
    const oldestKept = Number(oldest?.id ?? 0);
    if (oldestKept > afterId + 1 && afterId > 0) {
      const [pruned] = await this.database.db.select({ n: min(t.createdAt) }).from(t);
      const oldestAt = pruned?.n ? new Date(pruned.n).getTime() : Date.now();
      if (Date.now() - oldestAt > OUTBOX_RETENTION_MS * 0.9) {
        throw new ReplayWindowError(`Event ${afterId} is older than the replay window (${OUTBOX_RETENTION_MS / 86_400_000} days): events after it may be gone.`);
      }
    }
    const rows = await this.database.db
      .select()
      .from(t)
      .where(and(eq(t.topic, topic), gt(t.id, afterId)))
      .orderBy(asc(t.id))
      .limit(limit);
    return rows.map((row) => ({ ...row, source }));
  }
}
