CREATE TABLE "incidents"."write_receipts" (
	"organization_id" text NOT NULL,
	"client_key" text NOT NULL,
	"operation" text NOT NULL,
	"input_hash" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "write_receipts_organization_id_client_key_pk" PRIMARY KEY("organization_id","client_key")
);
--> statement-breakpoint
-- The keys of reported incidents and attached sources move into the one receipts shape
-- (kit/src/idempotency.ts); one key space per organisation, so where an organisation used one key
-- for both, the incident keeps it (a retry of the source is then a CONFLICT, never a second write).
INSERT INTO "incidents"."write_receipts" ("organization_id", "client_key", "operation", "input_hash", "result", "created_at")
SELECT "reported_by_organization_id", "client_key", 'reportIncident', "request_hash", jsonb_build_object('id', "id"), "reported_at"
FROM "incidents"."incidents" WHERE "client_key" IS NOT NULL AND "reported_by_organization_id" IS NOT NULL AND "request_hash" IS NOT NULL;--> statement-breakpoint
INSERT INTO "incidents"."write_receipts" ("organization_id", "client_key", "operation", "input_hash", "result")
SELECT "attached_by_organization_id", "client_key", 'attachSource', "request_hash", jsonb_build_object('id', "id")
FROM "incidents"."source_reports" WHERE "client_key" IS NOT NULL AND "attached_by_organization_id" IS NOT NULL AND "request_hash" IS NOT NULL
ON CONFLICT DO NOTHING;--> statement-breakpoint
DROP INDEX "incidents"."incidents_client_key_uq";--> statement-breakpoint
DROP INDEX "incidents"."source_reports_client_key_uq";--> statement-breakpoint
ALTER TABLE "incidents"."incidents" DROP COLUMN "request_hash";--> statement-breakpoint
ALTER TABLE "incidents"."source_reports" DROP COLUMN "client_key";--> statement-breakpoint
ALTER TABLE "incidents"."source_reports" DROP COLUMN "request_hash";