CREATE TABLE "policy"."agreement_history" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"agreement_id" text NOT NULL,
	"version" integer NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"action" text NOT NULL,
	"actor_subject" text NOT NULL,
	"actor_organization_id" text,
	"reason" text,
	"before" jsonb,
	"after" jsonb NOT NULL
);
--> statement-breakpoint
CREATE TABLE "policy"."organization_roles" (
	"organization_id" text NOT NULL,
	"role" text NOT NULL,
	CONSTRAINT "organization_roles_organization_id_role_pk" PRIMARY KEY("organization_id","role")
);
--> statement-breakpoint
CREATE TABLE "policy"."organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"type" text NOT NULL,
	"acronym" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "policy"."agreements" ADD COLUMN "status" text DEFAULT 'ACTIVE' NOT NULL;--> statement-breakpoint
ALTER TABLE "policy"."agreements" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "policy"."agreements" ADD COLUMN "requested_by_subject" text;--> statement-breakpoint
ALTER TABLE "policy"."organization_roles" ADD CONSTRAINT "organization_roles_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "policy"."organizations"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "agreement_history_agreement_idx" ON "policy"."agreement_history" USING btree ("agreement_id","id");--> statement-breakpoint
-- updated_at moves with every change, whoever makes it (SQL by hand included): cache keys use it.
-- clock_timestamp, not now(): two changes in one transaction still get different versions.
CREATE FUNCTION "policy"."touch_updated_at"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW.updated_at := clock_timestamp();
  RETURN NEW;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agreements_touch_updated_at"
  BEFORE UPDATE ON "policy"."agreements"
  FOR EACH ROW EXECUTE FUNCTION "policy"."touch_updated_at"();
--> statement-breakpoint
CREATE TRIGGER "organizations_touch_updated_at"
  BEFORE UPDATE ON "policy"."organizations"
  FOR EACH ROW EXECUTE FUNCTION "policy"."touch_updated_at"();
--> statement-breakpoint
-- The directory decides who an agreement names: a change to it drops the agreement caches too.
CREATE TRIGGER "organizations_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy"."organizations"
  FOR EACH STATEMENT EXECUTE FUNCTION "policy"."notify_agreements_changed"();
--> statement-breakpoint
CREATE TRIGGER "organization_roles_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy"."organization_roles"
  FOR EACH STATEMENT EXECUTE FUNCTION "policy"."notify_agreements_changed"();
--> statement-breakpoint
-- An agreement's history is append-only, like the audit log.
CREATE FUNCTION "policy"."refuse_history_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'policy.agreement_history is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agreement_history_append_only"
  BEFORE UPDATE OR DELETE ON "policy"."agreement_history"
  FOR EACH ROW EXECUTE FUNCTION "policy"."refuse_history_change"();
--> statement-breakpoint
CREATE TRIGGER "agreement_history_no_truncate"
  BEFORE TRUNCATE ON "policy"."agreement_history"
  FOR EACH STATEMENT EXECUTE FUNCTION "policy"."refuse_history_change"();
