CREATE SCHEMA "policy";
--> statement-breakpoint
CREATE TABLE "policy"."agreements" (
	"id" text PRIMARY KEY NOT NULL,
	"provider" text NOT NULL,
	"recipient_organization_id" text,
	"recipient_organization_type" text,
	"recipient_role" text,
	"data_classes" text[] NOT NULL,
	"mission_ids" text[],
	"admin_area_pcodes" text[],
	"valid_from" timestamp with time zone NOT NULL,
	"valid_until" timestamp with time zone,
	"purpose" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "agreements_recipient_named" CHECK ("policy"."agreements"."recipient_organization_id" is not null or "policy"."agreements"."recipient_organization_type" is not null)
);
--> statement-breakpoint
CREATE TABLE "policy"."audit_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"subject" text NOT NULL,
	"organization_id" text,
	"data_class" text NOT NULL,
	"entity_type" text NOT NULL,
	"entity_id" text,
	"field" text NOT NULL,
	"decision" text NOT NULL,
	"operation_name" text,
	"subgraph" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "audit_events_at_idx" ON "policy"."audit_events" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_events_org_idx" ON "policy"."audit_events" USING btree ("organization_id","at");