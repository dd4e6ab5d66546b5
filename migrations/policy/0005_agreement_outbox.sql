CREATE TABLE "policy"."outbox" (
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
CREATE INDEX "outbox_topic_idx" ON "policy"."outbox" USING btree ("topic","id");--> statement-breakpoint
CREATE INDEX "outbox_created_idx" ON "policy"."outbox" USING btree ("created_at");--> statement-breakpoint
-- Every agreement change appends one history row in its own transaction (requested, approved,
-- narrowed, revoked, …), so the outbox is fed from the history: an event exists if and only if
-- the change committed. Keys only: the agreement and the action; who may see it is decided by
-- the agreement(id:) query each subscriber's delivery runs (its parties and oversight).
CREATE FUNCTION "policy"."outbox_agreement_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "policy"."outbox" (topic, entity_id, kind, organization_id)
  VALUES ('agreementChanged', NEW.agreement_id, NEW.action, NEW.after ->> 'recipientOrganizationId');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agreement_changes"
  AFTER INSERT ON "policy"."agreement_history"
  FOR EACH ROW EXECUTE FUNCTION "policy"."outbox_agreement_changes"();
--> statement-breakpoint
-- As the other outboxes (migrations/incidents/0002_outbox.sql): NOTIFY at commit, 7 days kept.
CREATE FUNCTION "policy"."notify_outbox"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM "policy"."outbox" WHERE created_at < now() - interval '7 days';
  PERFORM pg_notify('peacegraph_events', 'policy');
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "outbox_notify" AFTER INSERT ON "policy"."outbox" FOR EACH STATEMENT EXECUTE FUNCTION "policy"."notify_outbox"();
