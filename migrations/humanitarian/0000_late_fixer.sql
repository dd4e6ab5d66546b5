CREATE SCHEMA "humanitarian";
--> statement-breakpoint
CREATE TABLE "humanitarian"."access_constraints" (
	"id" text PRIMARY KEY NOT NULL,
	"constraint_type" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"admin1_pcode" text NOT NULL,
	"admin_level" integer NOT NULL,
	"country_iso3" text NOT NULL,
	"mission_id" text,
	"occurred_on" date NOT NULL,
	"impact" text NOT NULL,
	"description" text NOT NULL,
	"latitude" double precision,
	"longitude" double precision,
	"incident_id" text,
	"reporting_organization_id" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."ddr_figures" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"country_iso3" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"weapons_collected" integer NOT NULL,
	"ammunition_collected" integer NOT NULL,
	"disarmed_female_adults" integer NOT NULL,
	"disarmed_male_adults" integer NOT NULL,
	"disarmed_female_children" integer NOT NULL,
	"disarmed_male_children" integer NOT NULL,
	"demobilized_female_adults" integer NOT NULL,
	"demobilized_male_adults" integer NOT NULL,
	"demobilized_female_children" integer NOT NULL,
	"demobilized_male_children" integer NOT NULL,
	"reintegrated_female_adults" integer NOT NULL,
	"reintegrated_male_adults" integer NOT NULL,
	"reintegrated_female_children" integer NOT NULL,
	"reintegrated_male_children" integer NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."displacement" (
	"id" text PRIMARY KEY NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"admin1_pcode" text NOT NULL,
	"admin_level" integer NOT NULL,
	"country_iso3" text NOT NULL,
	"mission_id" text,
	"population_group" text NOT NULL,
	"reporting_round" integer NOT NULL,
	"reporting_date" date NOT NULL,
	"assessment_type" text NOT NULL,
	"individuals" integer NOT NULL,
	"households" integer,
	"source_organization_id" text NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."escort_request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"escort_request_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"reason" text,
	"actor_subject" text NOT NULL,
	"actor_organization_id" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."escort_requests" (
	"id" text PRIMARY KEY NOT NULL,
	"requesting_organization_id" text NOT NULL,
	"mission_id" text NOT NULL,
	"origin_pcode" text NOT NULL,
	"route" jsonb NOT NULL,
	"requested_date" date NOT NULL,
	"purpose" text NOT NULL,
	"cargo" text,
	"status" text NOT NULL,
	"decline_reason" text,
	"created_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."operational_presence" (
	"id" text PRIMARY KEY NOT NULL,
	"organization_id" text NOT NULL,
	"cluster" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"admin1_pcode" text NOT NULL,
	"admin_level" integer NOT NULL,
	"country_iso3" text NOT NULL,
	"mission_id" text,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"status" text NOT NULL,
	"targeted_total" integer NOT NULL,
	"targeted_female_children" integer,
	"targeted_male_children" integer,
	"targeted_female_adults" integer,
	"targeted_male_adults" integer,
	"reached_total" integer NOT NULL,
	"reached_female_children" integer,
	"reached_male_children" integer,
	"reached_female_adults" integer,
	"reached_male_adults" integer,
	"reached_explanation" text,
	"remarks" text,
	"source" text NOT NULL,
	"updated_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."organizations" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"acronym" text,
	"type" text NOT NULL,
	"iati_id" text,
	"country_iso3" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."write_receipts" (
	"organization_id" text NOT NULL,
	"client_key" text NOT NULL,
	"operation" text NOT NULL,
	"result_id" text NOT NULL,
	"input_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"extra" jsonb,
	CONSTRAINT "write_receipts_organization_id_client_key_pk" PRIMARY KEY("organization_id","client_key")
);
--> statement-breakpoint
CREATE INDEX "access_constraints_area_idx" ON "humanitarian"."access_constraints" USING btree ("admin1_pcode","occurred_on");--> statement-breakpoint
CREATE INDEX "access_constraints_mission_idx" ON "humanitarian"."access_constraints" USING btree ("mission_id","id");--> statement-breakpoint
CREATE INDEX "ddr_figures_mission_idx" ON "humanitarian"."ddr_figures" USING btree ("mission_id","period_start");--> statement-breakpoint
CREATE UNIQUE INDEX "displacement_natural_uq" ON "humanitarian"."displacement" USING btree ("admin_area_pcode","population_group","reporting_round","source_organization_id");--> statement-breakpoint
CREATE INDEX "displacement_country_idx" ON "humanitarian"."displacement" USING btree ("country_iso3","id");--> statement-breakpoint
CREATE INDEX "displacement_area_idx" ON "humanitarian"."displacement" USING btree ("admin1_pcode");--> statement-breakpoint
CREATE INDEX "escort_request_events_request_idx" ON "humanitarian"."escort_request_events" USING btree ("escort_request_id","id");--> statement-breakpoint
CREATE INDEX "escort_requests_mission_idx" ON "humanitarian"."escort_requests" USING btree ("mission_id","status");--> statement-breakpoint
CREATE INDEX "escort_requests_org_idx" ON "humanitarian"."escort_requests" USING btree ("requesting_organization_id");--> statement-breakpoint
CREATE INDEX "operational_presence_country_idx" ON "humanitarian"."operational_presence" USING btree ("country_iso3","id");--> statement-breakpoint
CREATE INDEX "operational_presence_area_idx" ON "humanitarian"."operational_presence" USING btree ("admin_area_pcode");--> statement-breakpoint
CREATE INDEX "operational_presence_org_idx" ON "humanitarian"."operational_presence" USING btree ("organization_id");