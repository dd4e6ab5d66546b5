import { bigserial, date, index, jsonb, text, timestamp } from 'drizzle-orm/pg-core';
import { humanitarianSchema } from '../schema';

export interface StoredWaypoint {
  adminAreaPcode: string;
  name: string | null;
  latitude: number | null;
  longitude: number | null;
}

/**
 * A humanitarian organisation's request for a mission escort (civil-military coordination).
 * Workflow: REQUESTED → APPROVED | DECLINED (with reason) → COMPLETED | CANCELLED; only the
 * mission decides and completes.
 */
export const escortRequests = humanitarianSchema.table(
  'escort_requests',
  {
    id: text('id').primaryKey(),
    requestingOrganizationId: text('requesting_organization_id').notNull(),
    missionId: text('mission_id').notNull(),
    /** The first waypoint's p-code: where agreements place the request. */
    originPcode: text('origin_pcode').notNull(),
    /** Ordered waypoints: SECURITY_OPERATIONS. */
    route: jsonb('route').$type<StoredWaypoint[]>().notNull(),
    requestedDate: date('requested_date').notNull(),
    purpose: text('purpose').notNull(),
    cargo: text('cargo'),
    /** REQUESTED | APPROVED | DECLINED | COMPLETED | CANCELLED */
    status: text('status').notNull(),
    declineReason: text('decline_reason'),
    createdBy: text('created_by').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('escort_requests_mission_idx').on(t.missionId, t.status), index('escort_requests_org_idx').on(t.requestingOrganizationId)],
);
export type EscortRequestRow = typeof escortRequests.$inferSelect;
export type NewEscortRequestRow = typeof escortRequests.$inferInsert;

/** Every status change, append-only: who moved the request, when, and why. */
export const escortRequestEvents = humanitarianSchema.table(
  'escort_request_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    escortRequestId: text('escort_request_id').notNull(),
    fromStatus: text('from_status'),
    toStatus: text('to_status').notNull(),
    reason: text('reason'),
    actorSubject: text('actor_subject').notNull(),
    actorOrganizationId: text('actor_organization_id').notNull(),
    at: timestamp('at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('escort_request_events_request_idx').on(t.escortRequestId, t.id)],
);
export type EscortRequestEventRow = typeof escortRequestEvents.$inferSelect;
export type NewEscortRequestEventRow = typeof escortRequestEvents.$inferInsert;
