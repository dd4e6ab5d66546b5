import { parse, type OperationTypeNode } from 'graphql';

/**
 * Identical read requests of the same policy scope that are in flight at the same moment run
 * once (issue 9: "deduplication of identical subgraph fetches … across requests of the same
 * scope only"). Dashboards refreshed by many viewers of one organisation send the gateway the
 * same query at once; the gateway turns each into the same subgraph requests.
 *
 * Why this is safe here and not in a gateway: the key is the request body (and Accept header) plus
 * the caller's effective scope (`Access.fingerprint`: organisation, type, roles and the versions of the
 * agreements in force), and a read's answer depends on nothing else — the subject is used
 * only by writes and by the audit log, and every caller who joins gets their own audit rows
 * (`AuditLog.recordAs`). Writes are never shared, and a read that starts after a write in
 * this process has finished never joins a read that started before it.
 */
export class SharedReads<T> {
  private readonly running = new Map<string, Promise<T>>();
  /** Bumped whenever a write finishes here: reads started before it cannot be joined after. */
  private writes = 0;
  private counts = { executed: 0, joined: 0 };

  constructor(readonly enabled: boolean) {}

  /** Runs `execute`, or joins the identical one already running. */
  async run(scopeAndBody: string, execute: () => Promise<T>): Promise<{ value: T; joined: boolean }> {
    const key = `${this.writes}\n${scopeAndBody}`;
    const running = this.running.get(key);
    if (running) {
      this.counts.joined++;
      return { value: await running, joined: true };
    }
    this.counts.executed++;
    const execution = execute();
    this.running.set(key, execution);
    try {
      return { value: await execution, joined: false };
    } finally {
      this.running.delete(key);
    }
  }

  /** A write has finished: later reads must see it. */
  wrote(): void {
    this.writes++;
  }

  get stats(): { executed: number; joined: number } {
    return { ...this.counts };
  }
}

const operationTypes = new Map<string, OperationTypeNode | null>();
const MAX_REMEMBERED_DOCUMENTS = 1000;

/**
 * The type of the operation a GraphQL request body asks to run (`query`, `mutation`, …), or
 * null when it cannot be told (unparseable, ambiguous): such requests are never shared and
 * Apollo reports their error as usual. Parsed once per distinct document.
 */
export function operationTypeOf(body: unknown): OperationTypeNode | null {
  if (!body || typeof body !== 'object') return null;
  const { query, operationName } = body as { query?: unknown; operationName?: unknown };
  if (typeof query !== 'string') return null;
  const name = typeof operationName === 'string' ? operationName : '';
  const key = `${name}\n${query}`;
  const known = operationTypes.get(key);
  if (known !== undefined) return known;
  let type: OperationTypeNode | null = null;
  try {
    const operations = parse(query, { noLocation: true }).definitions.filter((d) => d.kind === 'OperationDefinition');
    const chosen = name ? operations.filter((o) => o.name?.value === name) : operations;
    type = chosen.length === 1 ? chosen[0]!.operation : null;
  } catch {
    type = null;
  }
  if (operationTypes.size >= MAX_REMEMBERED_DOCUMENTS) operationTypes.clear();
  operationTypes.set(key, type);
  return type;
}
