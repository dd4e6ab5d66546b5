/**
 * Whether this process's database answers, as its requests find out. Once a request sees the
 * connection fail (errors.ts isDatabaseUnavailable), further requests are refused at once —
 * a fast 503 with Retry-After — instead of each waiting on the driver's reconnect back-off or a
 * connect timeout, and a ping every `probeMs` ends the outage as soon as the database answers.
 */
export class DatabaseAvailability {
  private down = false;
  private probe: NodeJS.Timeout | null = null;

  constructor(
    private readonly ping: () => Promise<void>,
    private readonly probeMs = 250,
    private readonly pingTimeoutMs = 2000,
  ) {}

  get available(): boolean {
    return !this.down;
  }

  /** A request saw the connection fail: refuse fast until a ping succeeds. */
  lost(): void {
    if (this.down) return;
    this.down = true;
    this.scheduleProbe();
  }

  stop(): void {
    if (this.probe) clearTimeout(this.probe);
    this.probe = null;
  }

  private scheduleProbe(): void {
    this.probe = setTimeout(() => void this.tryPing(), this.probeMs);
    this.probe.unref();
  }

  private async tryPing(): Promise<void> {
    try {
      await withTimeout(this.ping(), this.pingTimeoutMs);
      this.down = false;
      this.probe = null;
    } catch {
      this.scheduleProbe();
    }
  }
}

export function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then(
      (v) => (clearTimeout(timer), resolve(v)),
      (e) => (clearTimeout(timer), reject(e)),
    );
  });
}
