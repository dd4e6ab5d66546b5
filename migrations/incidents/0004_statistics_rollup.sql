CREATE TABLE "incidents"."incident_rollup" (
	"mission_id" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"admin1_pcode" text NOT NULL,
	"month" text NOT NULL,
	"event_type" text NOT NULL,
	"local_type" text,
	"violated_agreement" text,
	"reported_by_organization_id" text,
	"refuted" boolean NOT NULL,
	"events" integer NOT NULL,
	"fatalities" integer NOT NULL,
	CONSTRAINT "incident_rollup_cell_uq" UNIQUE NULLS NOT DISTINCT("mission_id","month","event_type","admin_area_pcode","admin1_pcode","refuted","local_type","violated_agreement","reported_by_organization_id")
);
--> statement-breakpoint
CREATE INDEX "incident_rollup_empty_idx" ON "incidents"."incident_rollup" USING btree ("events") WHERE "incidents"."incident_rollup"."events" <= 0;--> statement-breakpoint
-- The rollup is kept exact by the writes themselves (docs/benchmarks.md, issue 19): one statement-level
-- trigger per operation (PostgreSQL allows transition tables on single-event triggers only) adds
-- each statement's net change per cell, so a 500-row seed INSERT or a COPY costs one grouped upsert,
-- not 500. Cells are upserted in key order (concurrent writers lock them in the same order) and
-- a cell brought to 0 is deleted. A delta that takes a cell below 0 raises (and rolls the write
-- back): the rollup and the table cannot drift apart silently.
CREATE FUNCTION "incidents"."incident_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM old_rows'
    ELSE 'SELECT *, 1 AS n FROM new_rows UNION ALL SELECT *, -1 AS n FROM old_rows'
  END;
  changed_cells integer;
  broken_cells integer;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "incidents"."incident_rollup";
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "incidents"."incident_rollup" AS r
      (mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, events, fatalities)
    SELECT mission_id, admin_area_pcode, admin1_pcode, to_char(event_date, 'YYYY-MM'), event_type, local_type, violated_agreement,
           reported_by_organization_id, verification_status = 'REFUTED', sum(n), sum(n * fatalities)
    FROM (%s) AS changed
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(n) <> 0 OR sum(n * fatalities) <> 0
    ORDER BY 1, 4, 5, 2, 3, 9, 6, 7, 8
    ON CONFLICT ON CONSTRAINT incident_rollup_cell_uq
    DO UPDATE SET events = r.events + excluded.events, fatalities = r.fatalities + excluded.fatalities
  $sql$, signed);
  GET DIAGNOSTICS changed_cells = ROW_COUNT;
  IF changed_cells > 0 THEN
    WITH emptied AS (DELETE FROM "incidents"."incident_rollup" WHERE events <= 0 RETURNING events, fatalities)
    SELECT count(*) FILTER (WHERE events < 0 OR fatalities <> 0) INTO broken_cells FROM emptied;
    IF broken_cells > 0 THEN
      RAISE EXCEPTION 'incidents.incident_rollup: % cell(s) below 0 — the rollup no longer matches incidents.incidents', broken_cells;
    END IF;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Writes wait while the rows already there are counted (the migration's transaction holds the lock).
LOCK TABLE "incidents"."incidents" IN SHARE MODE;
--> statement-breakpoint
INSERT INTO "incidents"."incident_rollup"
  (mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, events, fatalities)
SELECT mission_id, admin_area_pcode, admin1_pcode, to_char(event_date, 'YYYY-MM'), event_type, local_type, violated_agreement,
       reported_by_organization_id, verification_status = 'REFUTED', count(*), sum(fatalities)
FROM "incidents"."incidents"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9;
--> statement-breakpoint
CREATE TRIGGER "incident_rollup_insert" AFTER INSERT ON "incidents"."incidents"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."incident_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "incident_rollup_update" AFTER UPDATE ON "incidents"."incidents"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."incident_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "incident_rollup_delete" AFTER DELETE ON "incidents"."incidents"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."incident_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "incident_rollup_truncate" AFTER TRUNCATE ON "incidents"."incidents"
  FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."incident_rollup_changes"();
