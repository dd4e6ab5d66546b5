import { DATABASE_UNAVAILABLE_MESSAGE, EXPLAIN_PATH, signedRouteMaterial, signIdentity, type AccessExplanation, type Identity } from '@peacegraph/kit';
import { GraphQLError, isObjectType, type GraphQLSchema } from 'graphql';
import type { GatewayContext } from '../context';
import { fieldOwners } from './field-owners';

/** The gateway's own root field (like its Subscription type): the graph's decision for you, explained. */
export const EXPLAIN_SDL = /* GraphQL */ `
  enum AccessDecision {
    "You are served the value."
    GRANTED
    "You are served a coarsened value (e.g. the admin area's centroid instead of the point)."
    COARSENED
    "You see the row, but this field of it is withheld (FORBIDDEN)."
    DENIED
    "There is no row with this id that you may see — whether it exists is not said."
    OUT_OF_SCOPE
  }

  enum AccessBasis {
    PUBLIC
    "The row is your organisation's own."
    OWN_DATA
    AGREEMENT
    NONE
  }

  "An agreement that would open what is withheld, and who could approve it (requestAgreement, then the provider's data owner approves)."
  type AgreementThatWouldGrant {
    "False when a hard floor forbids every agreement from granting it to you (floor says which)."
    grantable: Boolean!
    floor: String
    dataClass: String!
    "The data's provider; null when the row is not one you may see."
    providerOrganizationId: String
    missionId: String
    adminAreaPcode: String
    recipientOrganizationId: String
    recipientRole: String
    approverRole: String!
    approverOrganizationId: String
  }

  type AccessExplanation {
    typename: String!
    field: String!
    id: ID
    decision: AccessDecision!
    "The field's data class (for a coarsened field, the class its coarsened value is served under)."
    dataClass: String!
    "For a coarsened field: the class the exact value needs."
    preciseClass: String
    basis: AccessBasis!
    "The agreement that decided, when basis is AGREEMENT."
    agreementId: ID
    reason: String!
    "When denied, coarsened or out of scope: the kind of agreement that would change it."
    wouldGrant: AgreementThatWouldGrant
  }

  extend type Query {
    "Why you see, see coarsened, or do not see one field of one row (id; none for a root field): the decision the graph makes for you now, the agreement or rule behind it, and what would change it. Never the value, never whether a row you may not see exists. Ask it in an operation of its own."
    explainAccess(typename: String!, field: String!, id: ID): AccessExplanation!
  }
`;

export interface ExplainOptions {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  signingSecret: string;
  timeoutMs: number;
}

function badInput(message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });
}

/**
 * Resolves explainAccess: checks the names against the API schema, then asks the subgraph that
 * serves the field — and, when another subgraph serves the type's rows, that one whether the row
 * is in the caller's scope — over the signed route every subgraph has (kit's explain-route.ts).
 */
export function explainResolver(options: ExplainOptions) {
  const owners = fieldOwners(options.supergraphSdl);
  async function ask(graph: string, identity: Identity, params: Record<string, string>, ctx: GatewayContext): Promise<AccessExplanation> {
    const base = options.subgraphUrls[graph];
    if (!base) throw new GraphQLError(`The ${graph} service is unavailable.`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    const target = `${EXPLAIN_PATH}?${new URLSearchParams(params).toString()}`;
    const started = Date.now();
    let response: Response;
    try {
      response = await fetch(base.replace(/\/graphql$/, target), {
        headers: signIdentity(options.signingSecret, identity, signedRouteMaterial(target), { subgraph: graph }),
        signal: AbortSignal.timeout(options.timeoutMs),
      });
    } catch {
      ctx.subgraphTimings.push({ subgraph: graph, ms: Date.now() - started, ok: false });
      throw new GraphQLError(`The ${graph} service is unavailable.`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
    }
    // Tagged like a fetch, so the response cache drops the answer when that subgraph is written to.
    ctx.subgraphTimings.push({ subgraph: graph, ms: Date.now() - started, ok: response.ok });
    if (response.ok) return (await response.json()) as AccessExplanation;
    if (response.status === 503) throw new GraphQLError(DATABASE_UNAVAILABLE_MESSAGE, { extensions: { code: 'DATABASE_UNAVAILABLE' } });
    if (response.status === 400) throw badInput(((await response.json()) as { errors?: { message?: string }[] }).errors?.[0]?.message ?? 'Cannot explain this field.');
    throw new GraphQLError(`The ${graph} service is unavailable.`, { extensions: { code: 'SUBGRAPH_UNAVAILABLE' } });
  }

  return async (args: { typename: string; field: string; id?: string | null }, ctx: GatewayContext, apiSchema: GraphQLSchema): Promise<AccessExplanation> => {
    const type = apiSchema.getType(args.typename);
    if (!type || !isObjectType(type) || args.typename.startsWith('__') || ['Mutation', 'Subscription'].includes(args.typename)) {
      throw badInput(`typename: "${args.typename}" is not an object type of the graph (e.g. Incident, or Query for a root field).`);
    }
    if (!(args.field in type.getFields())) throw badInput(`field: ${args.typename} has no field "${args.field}".`);
    const fieldGraph = owners.fieldGraph(args.typename, args.field);
    if (!fieldGraph) throw badInput(`${args.typename}.${args.field} is not served by a subgraph.`);
    if (args.typename === 'Query') return ask(fieldGraph, ctx.identity, { typename: 'Query', field: args.field }, ctx);
    if (!args.id) throw badInput(`id: required for a field of a ${args.typename} row.`);
    const row = owners.rowGraph(args.typename);
    if (!row) throw badInput(`typename: ${args.typename} rows cannot be looked up by id; explain the field of the row that holds them.`);
    const params = { typename: args.typename, field: args.field, id: args.id };
    if (row.graph === fieldGraph) return ask(fieldGraph, ctx.identity, params, ctx);
    // The row's own subgraph decides whether it is in scope; the field's decides the field.
    const [rowAnswer, fieldAnswer] = await Promise.all([ask(row.graph, ctx.identity, { ...params, field: row.key }, ctx), ask(fieldGraph, ctx.identity, params, ctx)]);
    if (rowAnswer.decision !== 'OUT_OF_SCOPE') return fieldAnswer;
    return { ...fieldAnswer, decision: 'OUT_OF_SCOPE', basis: 'NONE', agreementId: null, reason: rowAnswer.reason, wouldGrant: rowAnswer.wouldGrant };
  };
}
