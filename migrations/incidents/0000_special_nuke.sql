CREATE SCHEMA "incidents";
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
CREATE INDEX "incidents_mission_date_idx" ON "incidents"."incidents" USING btree ("mission_id","event_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE INDEX "incidents_area_idx" ON "incidents"."incidents" USING btree ("admin_area_pcode");--> statement-breakpoint
CREATE INDEX "incidents_date_idx" ON "incidents"."incidents" USING btree ("event_date" DESC NULLS LAST,"id" DESC NULLS LAST);--> statement-breakpoint
CREATE UNIQUE INDEX "incidents_client_key_uq" ON "incidents"."incidents" USING btree ("reported_by_organization_id","client_key");