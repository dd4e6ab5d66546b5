-- One audit event per request, person, class, entity type, field and decision, naming every
-- entity it covered (was: one row per entity). Existing rows keep their entity as a one-element
-- list; ALTER ... TYPE rewrites the table without firing the append-only row triggers.
ALTER TABLE "policy"."audit_events" ALTER COLUMN "entity_id" SET DATA TYPE text[] USING (CASE WHEN "entity_id" IS NULL THEN '{}'::text[] ELSE ARRAY["entity_id"] END);--> statement-breakpoint
ALTER TABLE "policy"."audit_events" RENAME COLUMN "entity_id" TO "entity_ids";--> statement-breakpoint
ALTER TABLE "policy"."audit_events" ALTER COLUMN "entity_ids" SET DEFAULT '{}'::text[];--> statement-breakpoint
ALTER TABLE "policy"."audit_events" ALTER COLUMN "entity_ids" SET NOT NULL;
