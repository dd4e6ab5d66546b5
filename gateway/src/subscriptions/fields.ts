import { extendSchema, parse, type GraphQLSchema } from 'graphql';
import type { EventSource, OutboxEvent } from './event-feed';

/**
 * The gateway's own Subscription type, on top of the supergraph's API schema (which has none:
 * @apollo/gateway has no subscriptions). Each event type carries the event's id and time and the
 * entity itself, whose selection is resolved through the graph for each subscriber.
 */
export const SUBSCRIPTION_SDL = /* GraphQL */ `
  extend schema {
    subscription: Subscription
  }

  "Narrows incident events; every condition given must hold. What you may see of an incident is decided by your agreements, as for queries."
  input IncidentEventFilter {
    missionId: String
    "The incident's admin area or its admin1 area is one of these p-codes."
    adminAreaPcodes: [PCode!]
    eventTypes: [IncidentEventType!]
  }

  input AccessConstraintEventFilter {
    missionId: String
    "The constraint's admin area or its admin1 area is one of these p-codes."
    adminAreaPcodes: [PCode!]
    constraintTypes: [AccessConstraintType!]
  }

  input EscortRequestEventFilter {
    "A mission's requests (its civil-military coordination); default: your organisation's own."
    missionId: String
  }

  type IncidentEvent {
    "Pass it back as after: when you subscribe again, to receive what you missed."
    eventId: ID!
    "When the change was committed (RFC 3339, UTC)."
    occurredAt: DateTime!
    incident: Incident
  }

  type EscortRequestEvent {
    eventId: ID!
    "When the change was committed (RFC 3339, UTC)."
    occurredAt: DateTime!
    escortRequest: EscortRequest
  }

  type AccessConstraintEvent {
    eventId: ID!
    "When the change was committed (RFC 3339, UTC)."
    occurredAt: DateTime!
    accessConstraint: AccessConstraint
  }

  type AgreementEvent {
    eventId: ID!
    "When the change was committed (RFC 3339, UTC)."
    occurredAt: DateTime!
    agreement: Agreement
  }

  type Subscription {
    "Incidents reported from now on (or after the event id given), that you may see."
    incidentReported(filter: IncidentEventFilter, after: ID): IncidentEvent!
    "Verification status changes of incidents you may see."
    incidentVerificationChanged(filter: IncidentEventFilter, after: ID): IncidentEvent!
    "Your organisation's escort requests as they are made and decided; or a mission's, for its civil-military coordination."
    escortRequestChanged(filter: EscortRequestEventFilter, after: ID): EscortRequestEvent!
    "Access constraints reported that you may see."
    accessConstraintReported(filter: AccessConstraintEventFilter, after: ID): AccessConstraintEvent!
    "Changes of agreements you are party to (its provider's data owners, the recipient organisation's members) or, for oversight, of any."
    agreementChanged(after: ID): AgreementEvent!
  }
`;

export interface Topic {
  source: EventSource;
  /** The event type's field holding the entity, and the root query that reads one by id. */
  entityField: string;
  rootQuery: string;
  /** Whether an event may concern this subscriber at all (before its policy decides what it sees). */
  matches(event: OutboxEvent, filter: Record<string, unknown>, organizationId: string | null): boolean;
}

function inAreas(event: OutboxEvent, pcodes: unknown): boolean {
  if (!Array.isArray(pcodes) || pcodes.length === 0) return true;
  return pcodes.includes(event.adminAreaPcode) || pcodes.includes(event.admin1Pcode);
}

function matchesAreaFilter(kindsKey: string) {
  return (event: OutboxEvent, filter: Record<string, unknown>): boolean => {
    if (filter.missionId && filter.missionId !== event.missionId) return false;
    const kinds = filter[kindsKey];
    if (Array.isArray(kinds) && kinds.length > 0 && !kinds.includes(event.kind)) return false;
    return inAreas(event, filter.adminAreaPcodes);
  };
}

export const TOPICS: Record<string, Topic> = {
  incidentReported: { source: 'incidents', entityField: 'incident', rootQuery: 'incident', matches: matchesAreaFilter('eventTypes') },
  incidentVerificationChanged: { source: 'incidents', entityField: 'incident', rootQuery: 'incident', matches: matchesAreaFilter('eventTypes') },
  escortRequestChanged: {
    source: 'humanitarian',
    entityField: 'escortRequest',
    rootQuery: 'escortRequest',
    // The mission's requests only if asked for; whether the caller may see them is the policy's call.
    matches: (event, filter, organizationId) => (filter.missionId ? filter.missionId === event.missionId : organizationId !== null && event.organizationId === organizationId),
  },
  accessConstraintReported: { source: 'humanitarian', entityField: 'accessConstraint', rootQuery: 'accessConstraint', matches: matchesAreaFilter('constraintTypes') },
  // Every change may concern anyone: agreement(id:) decides, with the visibility of agreements(filter).
  agreementChanged: { source: 'policy', entityField: 'agreement', rootQuery: 'agreement', matches: () => true },
};

export function subscriptionSchema(apiSchema: GraphQLSchema): GraphQLSchema {
  return extendSchema(apiSchema, parse(SUBSCRIPTION_SDL));
}
