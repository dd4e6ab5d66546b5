CREATE TABLE "humanitarian"."outbox" (
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
CREATE INDEX "outbox_topic_idx" ON "humanitarian"."outbox" USING btree ("topic","id");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "humanitarian"."outbox" USING btree ("created_at");--> statement-breakpoint
-- The outbox is written by triggers, in the transaction of the change itself: every write
-- path (saveEscortRequest, the escort workflow, imports of access constraints) emits, and
-- nothing that rolled back does.
CREATE FUNCTION "humanitarian"."outbox_escort_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'INSERT' OR NEW.status IS DISTINCT FROM OLD.status THEN
    INSERT INTO "humanitarian"."outbox" (topic, entity_id, mission_id, admin_area_pcode, kind, organization_id)
    VALUES ('escortRequestChanged', NEW.id, NEW.mission_id, NEW.origin_pcode, NEW.status, NEW.requesting_organization_id);
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "escort_changes"
  AFTER INSERT OR UPDATE OF status ON "humanitarian"."escort_requests"
  FOR EACH ROW EXECUTE FUNCTION "humanitarian"."outbox_escort_changes"();
--> statement-breakpoint
CREATE FUNCTION "humanitarian"."outbox_access_constraints"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "humanitarian"."outbox" (topic, entity_id, mission_id, admin_area_pcode, admin1_pcode, kind, organization_id)
  VALUES ('accessConstraintReported', NEW.id, NEW.mission_id, NEW.admin_area_pcode, NEW.admin1_pcode, NEW.constraint_type, NEW.reporting_organization_id);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_constraint_reported"
  AFTER INSERT ON "humanitarian"."access_constraints"
  FOR EACH ROW EXECUTE FUNCTION "humanitarian"."outbox_access_constraints"();
--> statement-breakpoint
-- NOTIFY is delivered at commit, once per transaction and payload; listeners then read the rows.
-- The retention (docs/subscriptions.md): rows older than 7 days go as new ones come.
CREATE FUNCTION "humanitarian"."notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "humanitarian"."outbox" WHERE created_at < now() - interval '7 days';
  PERFORM pg_notify('peacegraph_events', 'humanitarian');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "humanitarian"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."notify_outbox"();
