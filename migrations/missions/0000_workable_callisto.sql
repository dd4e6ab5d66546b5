CREATE SCHEMA "missions";
--> statement-breakpoint
CREATE TABLE "missions"."admin_areas" (
	"pcode" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"level" integer NOT NULL,
	"parent_pcode" text,
	"country_iso3" text NOT NULL,
	"centroid_latitude" double precision,
	"centroid_longitude" double precision,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."authorized_strengths" (
	"resolution_symbol" text NOT NULL,
	"mission_id" text NOT NULL,
	"personnel_type" text NOT NULL,
	"ceiling" integer NOT NULL,
	"included_in" text,
	CONSTRAINT "authorized_strengths_resolution_symbol_personnel_type_pk" PRIMARY KEY("resolution_symbol","personnel_type")
);
--> statement-breakpoint
CREATE TABLE "missions"."contributions" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "missions"."contributions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mission_id" text NOT NULL,
	"contributor_iso3" text,
	"contributor_name" text NOT NULL,
	"year" integer NOT NULL,
	"personnel_type" text NOT NULL,
	"female" numeric(10, 2) NOT NULL,
	"male" numeric(10, 2) NOT NULL,
	"total" numeric(10, 2) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."countries" (
	"iso3" text PRIMARY KEY NOT NULL,
	"m49" integer,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."deployment_site_contributors" (
	"site_id" integer NOT NULL,
	"position" integer NOT NULL,
	"contributor_name" text NOT NULL,
	"contributor_iso3" text,
	"size" integer,
	CONSTRAINT "deployment_site_contributors_site_id_position_pk" PRIMARY KEY("site_id","position")
);
--> statement-breakpoint
CREATE TABLE "missions"."deployment_sites" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "missions"."deployment_sites_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mission_id" text NOT NULL,
	"year" integer NOT NULL,
	"location" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"contributor_count" integer,
	"contributors_overview" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."fatalities" (
	"casualty_id" text PRIMARY KEY NOT NULL,
	"incident_date" date NOT NULL,
	"mission_id" text NOT NULL,
	"personnel_type" text NOT NULL,
	"nationality" text NOT NULL,
	"nationality_iso3" text,
	"incident_type" text NOT NULL,
	"gender" text
);
--> statement-breakpoint
CREATE TABLE "missions"."indicators" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"mandate_task_id" text NOT NULL,
	"level" text NOT NULL,
	"name" text NOT NULL,
	"unit" text NOT NULL,
	"baseline" numeric(14, 2) NOT NULL,
	"baseline_on" date NOT NULL,
	"target" numeric(14, 2) NOT NULL,
	"target_on" date NOT NULL,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."measurements" (
	"id" text PRIMARY KEY NOT NULL,
	"indicator_id" text NOT NULL,
	"mission_id" text NOT NULL,
	"measured_on" date NOT NULL,
	"value" numeric(14, 2) NOT NULL,
	"note" text,
	"source" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."mandate_tasks" (
	"id" text PRIMARY KEY NOT NULL,
	"resolution_symbol" text NOT NULL,
	"mission_id" text NOT NULL,
	"position" integer NOT NULL,
	"category" text NOT NULL,
	"text" text NOT NULL,
	"priority" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."missions" (
	"id" text PRIMARY KEY NOT NULL,
	"acronym" text NOT NULL,
	"name" text NOT NULL,
	"mission_type" text NOT NULL,
	"lead_organization" text NOT NULL,
	"host_country_iso3" text[] NOT NULL,
	"start_date" date,
	"end_date" date,
	"status" text NOT NULL,
	"headquarters" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."security_council_resolutions" (
	"symbol" text PRIMARY KEY NOT NULL,
	"number" integer NOT NULL,
	"year" integer NOT NULL,
	"mission_id" text NOT NULL,
	"adopted_on" date NOT NULL,
	"mandate_expires_on" date,
	"kind" text NOT NULL,
	"votes_in_favour" integer,
	"votes_against" integer,
	"abstentions" integer,
	"summary" text NOT NULL,
	"source" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."training_records" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"contributor_iso3" text NOT NULL,
	"year" integer NOT NULL,
	"course" text NOT NULL,
	"personnel_required" integer NOT NULL,
	"personnel_completed" integer NOT NULL,
	"last_completed_on" date,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "missions"."write_receipts" (
	"organization_id" text NOT NULL,
	"client_key" text NOT NULL,
	"operation" text NOT NULL,
	"input_hash" text NOT NULL,
	"result_id" text NOT NULL,
	"result" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "write_receipts_organization_id_client_key_pk" PRIMARY KEY("organization_id","client_key")
);
--> statement-breakpoint
ALTER TABLE "missions"."deployment_site_contributors" ADD CONSTRAINT "deployment_site_contributors_site_id_deployment_sites_id_fk" FOREIGN KEY ("site_id") REFERENCES "missions"."deployment_sites"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "admin_areas_country_idx" ON "missions"."admin_areas" USING btree ("country_iso3");--> statement-breakpoint
CREATE INDEX "admin_areas_parent_idx" ON "missions"."admin_areas" USING btree ("parent_pcode");--> statement-breakpoint
CREATE UNIQUE INDEX "contributions_natural_uq" ON "missions"."contributions" USING btree ("mission_id","contributor_name","year","personnel_type");--> statement-breakpoint
CREATE INDEX "contributions_mission_idx" ON "missions"."contributions" USING btree ("mission_id","year");--> statement-breakpoint
CREATE INDEX "deployment_site_contributors_iso3_idx" ON "missions"."deployment_site_contributors" USING btree ("contributor_iso3");--> statement-breakpoint
CREATE UNIQUE INDEX "deployment_sites_natural_uq" ON "missions"."deployment_sites" USING btree ("mission_id","year","location");--> statement-breakpoint
CREATE INDEX "deployment_sites_mission_idx" ON "missions"."deployment_sites" USING btree ("mission_id","year");--> statement-breakpoint
CREATE INDEX "fatalities_mission_idx" ON "missions"."fatalities" USING btree ("mission_id","incident_date");--> statement-breakpoint
CREATE INDEX "indicators_task_idx" ON "missions"."indicators" USING btree ("mandate_task_id");--> statement-breakpoint
CREATE INDEX "indicators_mission_idx" ON "missions"."indicators" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "measurements_indicator_date_uq" ON "missions"."measurements" USING btree ("indicator_id","measured_on");--> statement-breakpoint
CREATE INDEX "mandate_tasks_resolution_idx" ON "missions"."mandate_tasks" USING btree ("resolution_symbol","position");--> statement-breakpoint
CREATE INDEX "mandate_tasks_mission_idx" ON "missions"."mandate_tasks" USING btree ("mission_id");--> statement-breakpoint
CREATE UNIQUE INDEX "missions_acronym_uq" ON "missions"."missions" USING btree ("acronym");--> statement-breakpoint
CREATE INDEX "resolutions_mission_idx" ON "missions"."security_council_resolutions" USING btree ("mission_id","adopted_on");--> statement-breakpoint
CREATE INDEX "training_records_mission_idx" ON "missions"."training_records" USING btree ("mission_id","year");