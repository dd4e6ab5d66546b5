-- Subgraph processes cache the agreements each caller is under (one statement less per
-- subgraph request). Any change to the table tells them to drop that cache: NOTIFY is
-- delivered at commit, to every listening connection, on PGlite and PostgreSQL alike.
CREATE FUNCTION "policy"."notify_agreements_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('peacegraph_agreements_changed', TG_OP);
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "agreements_changed"
  AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "policy"."agreements"
  FOR EACH STATEMENT EXECUTE FUNCTION "policy"."notify_agreements_changed"();
