CREATE SCHEMA "incidents";
--> statement-breakpoint
CREATE TABLE "incidents"."incident_actors" (
	"incident_id" text NOT NULL,
	"position" smallint NOT NULL,
	"name" text NOT NULL,
	"side" smallint NOT NULL,
	"inter_code" smallint NOT NULL,
	CONSTRAINT "incident_actors_incident_id_position_pk" PRIMARY KEY("incident_id","position"),
	CONSTRAINT "incident_actors_side_ck" CHECK ("incidents"."incident_actors"."side" in (1, 2)),
	CONSTRAINT "incident_actors_inter_ck" CHECK ("incidents"."incident_actors"."inter_code" between 1 and 8)
);
--> statement-breakpoint
CREATE TABLE "incidents"."casualty_counts" (
	"incident_id" text NOT NULL,
	"casualty_group" text NOT NULL,
	"outcome" text NOT NULL,
	"total" integer NOT NULL,
	"female" integer,
	"male" integer,
	"children" integer,
	CONSTRAINT "casualty_counts_incident_id_casualty_group_outcome_pk" PRIMARY KEY("incident_id","casualty_group","outcome"),
	CONSTRAINT "casualty_counts_total_ck" CHECK ("incidents"."casualty_counts"."total" >= 0),
	CONSTRAINT "casualty_counts_sex_ck" CHECK (coalesce("incidents"."casualty_counts"."female", 0) + coalesce("incidents"."casualty_counts"."male", 0) <= "incidents"."casualty_counts"."total"),
	CONSTRAINT "casualty_counts_children_ck" CHECK (coalesce("incidents"."casualty_counts"."children", 0) <= "incidents"."casualty_counts"."total")
);
--> statement-breakpoint
CREATE TABLE "incidents"."incidents" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"event_date" date NOT NULL,
	"time_precision" smallint NOT NULL,
	"reported_at" timestamp with time zone DEFAULT now() NOT NULL,
	"disorder_type" text NOT NULL,
	"event_type" text NOT NULL,
	"sub_event_type" text NOT NULL,
	"local_type" text,
	"violated_agreement" text,
	"admin_area_pcode" text NOT NULL,
	"admin1_pcode" text NOT NULL,
	"country_iso3" text NOT NULL,
	"latitude" double precision NOT NULL,
	"longitude" double precision NOT NULL,
	"geo_precision" smallint NOT NULL,
	"area_centroid_latitude" double precision,
	"area_centroid_longitude" double precision,
	"civilian_targeting" boolean DEFAULT false NOT NULL,
	"fatalities" integer NOT NULL,
	"summary" text,
	"reporting_unit" text,
	"reported_by_organization_id" text,
	"reported_by_subject" text,
	"tags" text[] DEFAULT '{}'::text[] NOT NULL,
	"verification_status" text DEFAULT 'REPORTED' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"provenance" text NOT NULL,
	"client_key" text,
	"request_hash" text,
	CONSTRAINT "incidents_time_precision_ck" CHECK ("incidents"."incidents"."time_precision" between 1 and 3),
	CONSTRAINT "incidents_geo_precision_ck" CHECK ("incidents"."incidents"."geo_precision" between 1 and 3),
	CONSTRAINT "incidents_fatalities_ck" CHECK ("incidents"."incidents"."fatalities" >= 0),
	CONSTRAINT "incidents_latitude_ck" CHECK ("incidents"."incidents"."latitude" between -90 and 90),
	CONSTRAINT "incidents_longitude_ck" CHECK ("incidents"."incidents"."longitude" between -180 and 180),
	CONSTRAINT "incidents_verification_ck" CHECK ("incidents"."incidents"."verification_status" in ('REPORTED', 'UNDER_VERIFICATION', 'VERIFIED', 'REFUTED'))
);
--> statement-breakpoint
CREATE TABLE "incidents"."perpetrator_attributions" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"actor_name" text NOT NULL,
	"identified_as" text,
	"confidence" text NOT NULL,
	"basis" text
);
--> statement-breakpoint
CREATE TABLE "incidents"."sea_allegations" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"incident_id" text,
	"reported_on" date NOT NULL,
	"category" text NOT NULL,
	"personnel_category" text NOT NULL,
	"victim_count" integer NOT NULL,
	"involves_minor" boolean NOT NULL,
	"investigation_status" text NOT NULL,
	"summary" text NOT NULL,
	"provenance" text NOT NULL,
	CONSTRAINT "sea_allegations_victims_ck" CHECK ("incidents"."sea_allegations"."victim_count" >= 0)
);
--> statement-breakpoint
CREATE TABLE "incidents"."source_reports" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"source_type" text NOT NULL,
	"source_name" text NOT NULL,
	"reliability" text NOT NULL,
	"credibility" smallint NOT NULL,
	"content" text NOT NULL,
	"received_at" timestamp with time zone NOT NULL,
	"attached_by_subject" text NOT NULL,
	"attached_by_organization_id" text,
	"client_key" text,
	"request_hash" text,
	CONSTRAINT "source_reports_reliability_ck" CHECK ("incidents"."source_reports"."reliability" in ('A', 'B', 'C', 'D', 'E', 'F')),
	CONSTRAINT "source_reports_credibility_ck" CHECK ("incidents"."source_reports"."credibility" between 1 and 6)
);
--> statement-breakpoint
CREATE TABLE "incidents"."threat_assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"level" text NOT NULL,
	"rationale" text NOT NULL,
	"provenance" text NOT NULL,
	CONSTRAINT "threat_assessments_period_ck" CHECK ("incidents"."threat_assessments"."period_start" <= "incidents"."threat_assessments"."period_end")
);
--> statement-breakpoint
CREATE TABLE "incidents"."verification_transitions" (
	"incident_id" text NOT NULL,
	"version" integer NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"by_subject" text NOT NULL,
	"by_organization_id" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"reason" text NOT NULL,
	CONSTRAINT "verification_transitions_incident_id_version_pk" PRIMARY KEY("incident_id","version")
);
--> statement-breakpoint
CREATE TABLE "incidents"."victims" (
	"id" text PRIMARY KEY NOT NULL,
	"incident_id" text NOT NULL,
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"full_name" text NOT NULL,
	"sex" text NOT NULL,
	"age" integer,
	"casualty_group" text NOT NULL,
	"outcome" text NOT NULL
);
--> statement-breakpoint
ALTER TABLE "incidents"."incident_actors" ADD CONSTRAINT "incident_actors_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."casualty_counts" ADD CONSTRAINT "casualty_counts_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."perpetrator_attributions" ADD CONSTRAINT "perpetrator_attributions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."source_reports" ADD CONSTRAINT "source_reports_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."verification_transitions" ADD CONSTRAINT "verification_transitions_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "incidents"."victims" ADD CONSTRAINT "victims_incident_id_incidents_id_fk" FOREIGN KEY ("incident_id") REFERENCES "incidents"."incidents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "incidents_mission_date_idx" ON "incidents"."incidents" USING btree ("mission_id","event_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_area_idx" ON "incidents"."incidents" USING btree ("admin_area_pcode");--> statement-breakpoint
CREATE INDEX "incidents_admin1_idx" ON "incidents"."incidents" USING btree ("admin1_pcode","event_date");--> statement-breakpoint
CREATE INDEX "incidents_date_idx" ON "incidents"."incidents" USING btree ("event_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_client_key_uq" ON "incidents"."incidents" USING btree ("reported_by_organization_id","client_key");--> statement-breakpoint
CREATE INDEX "perpetrator_attributions_incident_idx" ON "incidents"."perpetrator_attributions" USING btree ("incident_id");--> statement-breakpoint
CREATE INDEX "sea_allegations_mission_idx" ON "incidents"."sea_allegations" USING btree ("mission_id","reported_on");--> statement-breakpoint
CREATE INDEX "source_reports_incident_idx" ON "incidents"."source_reports" USING btree ("incident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "source_reports_client_key_uq" ON "incidents"."source_reports" USING btree ("attached_by_organization_id","client_key");--> statement-breakpoint
CREATE INDEX "threat_assessments_area_idx" ON "incidents"."threat_assessments" USING btree ("admin_area_pcode","period_start");--> statement-breakpoint
CREATE INDEX "victims_incident_idx" ON "incidents"."victims" USING btree ("incident_id");