import type { FormattedExecutionResult } from 'graphql';
import type { Identity, Language } from '@peacegraph/kit';
import type { OutboxEvent } from './event-feed';
import type { DeliveryPlan } from './resolution';

export interface LiveLimits {
  /** Payloads waiting for a slow reader; beyond it the subscription is dropped. */
  maxQueued: number;
  /** No event for this long ends the subscription (the client resubscribes with its last id). */
  idleTimeoutMs: number;
}

/** Why a subscription ends, as the final message's error. */
export function endReason(code: string, message: string): FormattedExecutionResult {
  return { errors: [{ message, extensions: { code } }] };
}

/**
 * One subscriber's stream: a bounded queue of payloads read by the transport. It ends — with a
 * last message saying why — when the token expires, when nothing happened for the idle timeout,
 * when the reader falls too far behind (slow consumer: the queue never grows past its bound),
 * or when the client goes away.
 */
export class LiveSubscription {
  private readonly queue: FormattedExecutionResult[] = [];
  /** Each queued payload's event id: the SSE transport writes it as the message's `id:` (Last-Event-ID). */
  private readonly eventIds = new WeakMap<FormattedExecutionResult, number>();
  private wake: (() => void) | null = null;
  private ended = false;
  /** Events handed over while it replays what the client missed: handled once the replay is done. */
  private held: OutboxEvent[] | null = [];
  private readonly delivered = new Set<number>();
  private lastActivity = Date.now();
  private timer: NodeJS.Timeout | null = null;

  constructor(
    readonly identity: Identity,
    readonly plan: DeliveryPlan,
    /** Negotiated from the subscribe request's Accept-Language: names in every event are in it. */
    readonly language: Language,
    readonly address: string,
    private readonly expiresAt: number | null,
    private readonly limits: LiveLimits,
    /** The transport's own buffer is full (bytes not yet taken by the network). */
    private readonly transportBackedUp: () => boolean,
    private readonly onClose: (s: LiveSubscription) => void,
  ) {}

  get live(): boolean {
    return this.held === null && !this.ended;
  }

  /** While replaying: keep live events for later (they may overlap the replay). */
  hold(event: OutboxEvent): boolean {
    if (this.held === null) return false;
    this.held.push(event);
    return true;
  }

  /** Replay done: the events held meanwhile, not yet delivered. */
  release(): OutboxEvent[] {
    const held = (this.held ?? []).filter((e) => !this.delivered.has(e.id));
    this.held = null;
    return held;
  }

  push(eventId: number, payload: FormattedExecutionResult | null): void {
    if (this.ended || this.delivered.has(eventId)) return;
    this.delivered.add(eventId);
    // Ids within the window only: a bounded set, still enough to drop a replayed event seen live.
    if (this.delivered.size > 10_000) this.delivered.delete(this.delivered.values().next().value!);
    if (!payload) return;
    if (this.queue.length >= this.limits.maxQueued || this.transportBackedUp()) {
      this.queue.length = 0;
      return this.end(endReason('SLOW_CONSUMER', `Dropped: more than ${this.limits.maxQueued} events were waiting for this client. Subscribe again with after: your last eventId to receive the rest.`));
    }
    this.lastActivity = Date.now();
    this.eventIds.set(payload, eventId);
    this.queue.push(payload);
    this.wake?.();
  }

  /** The event a payload of this subscription delivers; undefined for its final (ending) message. */
  eventIdOf(payload: FormattedExecutionResult): number | undefined {
    return this.eventIds.get(payload);
  }

  end(finalMessage?: FormattedExecutionResult): void {
    if (this.ended) return;
    this.ended = true;
    if (finalMessage) this.queue.push(finalMessage);
    this.wake?.();
  }

  /**
   * The payloads as an async iterator. Not an async generator: a generator's return() waits until
   * it reaches its next yield, so a client that leaves while nothing happens would stay counted.
   */
  stream(): AsyncIterableIterator<FormattedExecutionResult> {
    this.timer = setInterval(() => this.check(), Math.min(1000, this.limits.idleTimeoutMs));
    this.timer.unref();
    this.check();
    const finish = (): IteratorResult<FormattedExecutionResult> => {
      this.ended = true;
      this.queue.length = 0;
      if (this.timer) clearInterval(this.timer);
      this.timer = null;
      this.wake?.();
      this.onClose(this);
      return { done: true, value: undefined };
    };
    const iterator: AsyncIterableIterator<FormattedExecutionResult> = {
      next: async () => {
        for (;;) {
          const value = this.queue.shift();
          if (value) return { done: false, value };
          if (this.ended) return finish();
          await new Promise<void>((resolve) => (this.wake = resolve));
          this.wake = null;
        }
      },
      return: async () => finish(),
      throw: async () => finish(),
      [Symbol.asyncIterator]: () => iterator,
    };
    return iterator;
  }

  private check(): void {
    const now = Date.now();
    if (this.expiresAt !== null && now >= this.expiresAt) {
      this.end(endReason('UNAUTHENTICATED', 'Token expired: this subscription has ended. Subscribe again with a fresh token (and after: your last eventId to miss nothing).'));
    } else if (now - this.lastActivity > this.limits.idleTimeoutMs) {
      this.end(endReason('IDLE_TIMEOUT', `No event for ${Math.round(this.limits.idleTimeoutMs / 1000)} s: this subscription has ended. Subscribe again with after: your last eventId.`));
    }
  }
}
