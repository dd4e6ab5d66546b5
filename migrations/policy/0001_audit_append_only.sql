-- The audit log is append-only: the application has no update or delete path, and the
-- database refuses one too (a trigger works the same on PGlite and PostgreSQL).
CREATE FUNCTION "policy"."refuse_audit_change"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'policy.audit_events is append-only (% refused)', TG_OP;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "audit_events_append_only"
  BEFORE UPDATE OR DELETE ON "policy"."audit_events"
  FOR EACH ROW EXECUTE FUNCTION "policy"."refuse_audit_change"();
--> statement-breakpoint
CREATE TRIGGER "audit_events_no_truncate"
  BEFORE TRUNCATE ON "policy"."audit_events"
  FOR EACH STATEMENT EXECUTE FUNCTION "policy"."refuse_audit_change"();
