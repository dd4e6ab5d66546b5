CREATE TABLE "incidents"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"topic" text NOT NULL,
	"entity_id" text NOT NULL,
	"mission_id" text,
	"admin_area_pcode" text,
	"admin1_pcode" text,
	"kind" text,
	"organization_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "outbox_topic_idx" ON "incidents"."outbox" USING btree ("topic","id");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "incidents"."outbox" USING btree ("created_at");--> statement-breakpoint
-- The outbox is written by triggers, in the transaction of the change itself: every write
-- path (reportIncident, transitionVerification, imports) emits, and nothing that rolled back does.
CREATE FUNCTION "incidents"."outbox_incident_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' THEN
    INSERT INTO "incidents"."outbox" (topic, entity_id, mission_id, admin_area_pcode, admin1_pcode, kind, organization_id)
    VALUES ('incidentReported', NEW.id, NEW.mission_id, NEW.admin_area_pcode, NEW.admin1_pcode, NEW.event_type, NEW.reported_by_organization_id);
  ELSIF NEW.verification_status IS DISTINCT FROM OLD.verification_status THEN
    INSERT INTO "incidents"."outbox" (topic, entity_id, mission_id, admin_area_pcode, admin1_pcode, kind, organization_id)
    VALUES ('incidentVerificationChanged', NEW.id, NEW.mission_id, NEW.admin_area_pcode, NEW.admin1_pcode, NEW.event_type, NEW.reported_by_organization_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Generated demo data (the seed) is the initial state, not news: it emits nothing.
CREATE TRIGGER "incident_changes"
  AFTER INSERT OR UPDATE OF verification_status ON "incidents"."incidents"
  FOR EACH ROW WHEN (NEW.provenance <> 'generated') EXECUTE FUNCTION "incidents"."outbox_incident_changes"();
--> statement-breakpoint
-- NOTIFY is delivered at commit, once per transaction and payload; listeners then read the rows.
-- NOTIFY is delivered at commit, once per transaction and payload; listeners then read the rows.
-- The retention (docs/subscriptions.md): rows older than 7 days go as new ones come.
CREATE FUNCTION "incidents"."notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "incidents"."outbox" WHERE created_at < now() - interval '7 days';
  PERFORM pg_notify('peacegraph_events', 'incidents');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "incidents"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."notify_outbox"();
