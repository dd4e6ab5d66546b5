import {
  GraphQLError,
  Kind,
  getOperationAST,
  isNonNullType,
  print,
  valueFromAST,
  visit,
  type DocumentNode,
  type FieldNode,
  type FormattedExecutionResult,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { and, eq, gte, like, or } from 'drizzle-orm';
import { accessFrom, agreementsInForce, auditEvents, AuditLog, type Database, type Identity, type Language } from '@peacegraph/kit';
import type { OutboxEvent } from './event-feed';
import { TOPICS, type Topic } from './fields';

/** Runs a query through the gateway's own pipeline (limits, query plan, signed subgraph fetches) as `identity`, names in `language`. */
export type GraphExecutor = (query: string, variables: Record<string, unknown>, identity: Identity, language: Language) => Promise<FormattedExecutionResult>;

type EventFieldKind = 'eventId' | 'occurredAt' | 'typename' | 'entity';

/**
 * What one subscription document asks for: its field, arguments and, for the entity, the query
 * that reads the same selection by id — so a subscriber receives exactly what that query would
 * answer it right after the event.
 */
export interface DeliveryPlan {
  fieldName: string;
  topic: Topic;
  rootKey: string;
  eventTypeName: string;
  filter: Record<string, unknown>;
  after: number | null;
  eventFields: { key: string; kind: EventFieldKind }[];
  /** The entity's selection as a query on `$entityId` (null when no entity field is selected). */
  resolution: { query: string; variables: Record<string, unknown> } | null;
}

const ENTITY_ID_VARIABLE = 'eventEntityId';
const OPERATION_NAME = 'SubscriptionDelivery';

export function planDelivery(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): DeliveryPlan {
  const operation = getOperationAST(document, operationName);
  if (!operation || operation.operation !== 'subscription') throw new GraphQLError('Send a subscription operation here; queries and mutations go to /graphql.', { extensions: { code: 'BAD_REQUEST' } });
  const fragments = new Map(document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]));
  const roots = flatten(operation.selectionSet, fragments);
  if (roots.length !== 1) throw new GraphQLError('A subscription selects exactly one field.', { extensions: { code: 'BAD_REQUEST' } });
  const root = roots[0]!;
  const topic = TOPICS[root.name.value];
  const fieldDef = schema.getSubscriptionType()?.getFields()[root.name.value];
  if (!topic || !fieldDef) throw new GraphQLError(`Unknown subscription ${root.name.value}.`, { extensions: { code: 'BAD_REQUEST' } });
  const args: Record<string, unknown> = {};
  for (const def of fieldDef.args) {
    const node = root.arguments?.find((a) => a.name.value === def.name);
    if (node) args[def.name] = valueFromAST(node.value, def.type, variables);
  }
  const after = args.after === undefined || args.after === null ? null : Number(args.after);
  if (after !== null && (!Number.isSafeInteger(after) || after < 0)) throw new GraphQLError('after must be an eventId you received.', { extensions: { code: 'BAD_USER_INPUT', field: 'after' } });

  const eventType = isNonNullType(fieldDef.type) ? fieldDef.type.ofType : fieldDef.type;
  const eventFields: DeliveryPlan['eventFields'] = [];
  const entityNodes: FieldNode[] = [];
  for (const field of flatten(root.selectionSet!, fragments)) {
    const key = field.alias?.value ?? field.name.value;
    const name = field.name.value;
    const kind: EventFieldKind = name === '__typename' ? 'typename' : name === topic.entityField ? 'entity' : (name as EventFieldKind);
    if (kind === 'entity') {
      entityNodes.push({
        ...field,
        alias: { kind: Kind.NAME, value: key },
        name: { kind: Kind.NAME, value: topic.rootQuery },
        arguments: [{ kind: Kind.ARGUMENT, name: { kind: Kind.NAME, value: 'id' }, value: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } } }],
      });
    }
    if (!eventFields.some((f) => f.key === key)) eventFields.push({ key, kind });
  }
  return {
    fieldName: root.name.value,
    topic,
    rootKey: root.alias?.value ?? root.name.value,
    eventTypeName: String(eventType),
    filter: (args.filter as Record<string, unknown> | null) ?? {},
    after,
    eventFields,
    resolution: entityNodes.length ? resolutionQuery(operation, entityNodes, fragments, variables) : null,
  };
}

/** The fields of a selection set, through inline fragments and fragment spreads. */
function flatten(selectionSet: SelectionSetNode, fragments: Map<string, FragmentDefinitionNode>): FieldNode[] {
  const out: FieldNode[] = [];
  for (const s of selectionSet.selections) {
    if (s.kind === Kind.FIELD) out.push(s);
    else if (s.kind === Kind.INLINE_FRAGMENT) out.push(...flatten(s.selectionSet, fragments));
    else {
      const fragment = fragments.get(s.name.value);
      if (fragment) out.push(...flatten(fragment.selectionSet, fragments));
    }
  }
  return out;
}

function resolutionQuery(operation: OperationDefinitionNode, entityNodes: FieldNode[], fragments: Map<string, FragmentDefinitionNode>, variables: Record<string, unknown>) {
  const usedFragments = new Map<string, FragmentDefinitionNode>();
  const usedVariables = new Set<string>();
  const collect = (node: FieldNode | FragmentDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        const f = fragments.get(spread.name.value);
        if (f && !usedFragments.has(f.name.value)) {
          usedFragments.set(f.name.value, f);
          collect(f);
        }
      },
      Variable(v) {
        usedVariables.add(v.name.value);
      },
    });
  for (const node of entityNodes) collect(node);
  usedVariables.delete(ENTITY_ID_VARIABLE);
  const query: OperationDefinitionNode = {
    kind: Kind.OPERATION_DEFINITION,
    operation: 'query' as OperationDefinitionNode['operation'],
    name: { kind: Kind.NAME, value: OPERATION_NAME },
    variableDefinitions: [
      {
        kind: Kind.VARIABLE_DEFINITION,
        variable: { kind: Kind.VARIABLE, name: { kind: Kind.NAME, value: ENTITY_ID_VARIABLE } },
        type: { kind: Kind.NON_NULL_TYPE, type: { kind: Kind.NAMED_TYPE, name: { kind: Kind.NAME, value: 'ID' } } },
      },
      ...(operation.variableDefinitions ?? []).filter((d) => usedVariables.has(d.variable.name.value)),
    ],
    selectionSet: { kind: Kind.SELECTION_SET, selections: entityNodes },
  };
  const text = print({ kind: Kind.DOCUMENT, definitions: [query, ...usedFragments.values()] });
  return { query: text, variables: Object.fromEntries([...usedVariables].filter((v) => v in variables).map((v) => [v, variables[v]])) };
}

/** One subscriber waiting for an event's resolution. */
export interface Recipient {
  identity: Identity;
  plan: DeliveryPlan;
  /** Negotiated when it subscribed (Accept-Language): the language its names are resolved in. */
  language: Language;
}

/** Each recipient's payload for the event (null: it may see none of it; an error: it could not be resolved). */
export type Deliveries = [Recipient, FormattedExecutionResult | null | EventUnavailableError][];

/** The graph did not answer for this event (a subgraph down or too slow), even when asked twice. */
export class EventUnavailableError extends Error {}

/** Codes that mean "you may not see it", as opposed to "it could not be read". */
const POLICY_CODES = new Set(['FORBIDDEN', 'NOT_FOUND', 'UNAUTHENTICATED']);

function failed(result: FormattedExecutionResult): boolean {
  const data = result.data as Record<string, unknown> | null | undefined;
  const nothing = !data || Object.values(data).every((v) => v === null || v === undefined);
  return nothing && (result.errors ?? []).some((e) => !POLICY_CODES.has(String(e.extensions?.code)));
}

/**
 * Resolves one event for many recipients: those with the same policy scope (`Access.fingerprint`:
 * organisation, type, roles, agreements in force and their versions), the same language and the
 * same selection share one execution through the graph, as the first of them; the decisions the
 * subgraphs logged for it are then logged again under each other recipient's own name, so
 * oversight sees every person who received the data (as kit's shared reads do for identical
 * queries).
 */
export class EventResolver {
  private readonly names = new NamePool();

  constructor(
    private readonly database: Database,
    private readonly execute: GraphExecutor,
  ) {}

  async resolve(event: OutboxEvent, recipients: Recipient[]): Promise<Deliveries> {
    const groups = new Map<string, Recipient[]>();
    const scopes = new Map<string, Promise<string>>();
    for (const r of recipients) {
      const identityKey = `${r.identity.organizationId}|${r.identity.organizationType}|${[...r.identity.roles].sort().join(',')}`;
      let scope = scopes.get(identityKey);
      if (!scope) scopes.set(identityKey, (scope = this.scopeOf(r.identity)));
      // The language is part of the key: names are resolved in it, so two languages never share a payload.
      const key = `${await scope}\n${r.language}\n${r.plan.resolution?.query ?? ''}\n${JSON.stringify(r.plan.resolution?.variables ?? {})}`;
      const group = groups.get(key);
      if (group) group.push(r);
      else groups.set(key, [r]);
    }
    return (await Promise.all([...groups.values()].map((group) => this.resolveGroup(event, group)))).flat();
  }

  private async scopeOf(identity: Identity): Promise<string> {
    return accessFrom(identity, await agreementsInForce(this.database, identity), new AuditLog('gateway', () => null)).fingerprint;
  }

  private async resolveGroup(event: OutboxEvent, group: Recipient[]): Promise<Deliveries> {
    const leader = group[0]!;
    const resolution = leader.plan.resolution;
    let entity: FormattedExecutionResult = { data: {} };
    if (resolution) {
      // Shared: a name no other execution in flight has, so the decisions it caused can be found
      // in the audit log; leased from a small pool, so the gateway's query plans stay cached.
      const lease = group.length > 1 ? this.names.acquire(resolution.query) : null;
      const name = lease === null ? OPERATION_NAME : `${OPERATION_NAME}_${lease}`;
      const since = new Date();
      try {
        const query = lease === null ? resolution.query : resolution.query.replace(`query ${OPERATION_NAME}`, `query ${name}`);
        const variables = { ...resolution.variables, [ENTITY_ID_VARIABLE]: event.entityId };
        const attempt = () => this.execute(query, variables, leader.identity, leader.language).catch((error: unknown): FormattedExecutionResult => ({ errors: [{ message: String(error) }] }));
        entity = await attempt();
        // Once more before giving up: silence would be a lost event, so a failure ends the subscriptions instead.
        if (failed(entity)) entity = await new Promise((r) => setTimeout(r, 200)).then(attempt);
        if (failed(entity)) {
          const error = new EventUnavailableError(`Event ${event.id} could not be resolved (${entity.errors?.[0]?.message ?? 'no answer'}).`);
          return group.map((r) => [r, error]);
        }
        if (lease !== null) await this.auditAs(name, since, group.slice(1).map((r) => r.identity));
      } finally {
        if (lease !== null) this.names.release(resolution.query, lease);
      }
    }
    return group.map((r) => [r, payloadFor(r.plan, event, entity)]);
  }

  private async auditAs(operationName: string, since: Date, identities: Identity[]): Promise<void> {
    const rows = await this.database.db
      .select()
      .from(auditEvents)
      .where(and(gte(auditEvents.at, since), or(eq(auditEvents.operationName, operationName), like(auditEvents.operationName, `${operationName}\\_\\_%`))));
    if (rows.length === 0) return;
    const bySubgraph = new Map<string, typeof rows>();
    for (const row of rows) bySubgraph.set(row.subgraph, [...(bySubgraph.get(row.subgraph) ?? []), row]);
    for (const [subgraph, decided] of bySubgraph) {
      const log = new AuditLog(subgraph, () => decided[0]!.operationName);
      for (const identity of identities) log.recordAs(identity, decided);
      await log.flush(this.database.db);
    }
  }
}

/**
 * The subscriber's payload for an event, in its own response shape (aliases included); null when
 * it may see none of the entity (outside its scope, or not cleared): then it gets nothing at all.
 */
export function payloadFor(plan: DeliveryPlan, event: OutboxEvent, entity: FormattedExecutionResult): FormattedExecutionResult | null {
  const data = (entity.data ?? {}) as Record<string, unknown>;
  const hasEntity = plan.eventFields.some((f) => f.kind === 'entity');
  if (hasEntity && !plan.eventFields.some((f) => f.kind === 'entity' && data[f.key] !== null && data[f.key] !== undefined)) return null;
  const value: Record<string, unknown> = {};
  for (const f of plan.eventFields) {
    if (f.kind === 'eventId') value[f.key] = String(event.id);
    else if (f.kind === 'occurredAt') value[f.key] = new Date(event.createdAt).toISOString();
    else if (f.kind === 'typename') value[f.key] = plan.eventTypeName;
    else value[f.key] = data[f.key] ?? null;
  }
  const errors = entity.errors?.map((e) => ({ ...e, path: e.path ? [plan.rootKey, ...e.path] : undefined }));
  return errors?.length ? { data: { [plan.rootKey]: value }, errors } : { data: { [plan.rootKey]: value } };
}

/**
 * Operation-name suffixes for shared executions: a suffix is held by one execution at a time
 * (its audit rows are those written under that name after it started), and reused after.
 */
class NamePool {
  private readonly inUse = new Map<string, Set<number>>();

  acquire(query: string): number {
    let used = this.inUse.get(query);
    if (!used) this.inUse.set(query, (used = new Set()));
    let i = 0;
    while (used.has(i)) i++;
    used.add(i);
    return i;
  }

  release(query: string, i: number): void {
    const used = this.inUse.get(query);
    used?.delete(i);
    if (used?.size === 0) this.inUse.delete(query);
  }
}
