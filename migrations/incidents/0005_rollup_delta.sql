CREATE TABLE "incidents"."incident_rollup_delta" (
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
	"fatalities" integer NOT NULL
);
--> statement-breakpoint
-- Same-cell writers no longer serialise (docs/benchmarks.md, issue 19). Until 0004 each write
-- upserted its cells' rollup rows and so held them locked until it committed: ten writers of one
-- cell queued behind each other. Now a write only appends its net change per cell to
-- incident_rollup_delta (an INSERT locks nothing another writer needs), and the reads sum the
-- rollup and the deltas through incident_cells, so they stay exact at every commit.
CREATE VIEW "incidents"."incident_cells" AS
  SELECT mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, events, fatalities
  FROM "incidents"."incident_rollup"
  UNION ALL
  SELECT mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, events, fatalities
  FROM "incidents"."incident_rollup_delta";
--> statement-breakpoint
-- Folds every delta this transaction can see (those committed, and its own) into the rollup, in
-- one statement. One compaction at a time (a transaction-scoped advisory lock): a writer that
-- finds one running skips it and leaves its delta for the next, so no writer ever waits here,
-- and the rollup rows are locked only by the one compacting transaction. Cells are upserted in
-- key order; a cell brought to 0 is deleted; one below 0 raises (and rolls that write back): the
-- rollup and the table cannot drift apart silently. Returns the cells changed, or NULL if
-- another transaction was compacting.
CREATE FUNCTION "incidents"."incident_rollup_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed_cells integer;
  broken_cells integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('incidents.incident_rollup')) THEN
    RETURN NULL;
  END IF;
  WITH moved AS (DELETE FROM "incidents"."incident_rollup_delta" RETURNING *)
  INSERT INTO "incidents"."incident_rollup" AS r
    (mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, events, fatalities)
  SELECT mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, sum(events), sum(fatalities)
  FROM moved
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
  HAVING sum(events) <> 0 OR sum(fatalities) <> 0
  ORDER BY 1, 4, 5, 2, 3, 9, 6, 7, 8
  ON CONFLICT ON CONSTRAINT incident_rollup_cell_uq
  DO UPDATE SET events = r.events + excluded.events, fatalities = r.fatalities + excluded.fatalities;
  GET DIAGNOSTICS changed_cells = ROW_COUNT;
  IF changed_cells > 0 THEN
    WITH emptied AS (DELETE FROM "incidents"."incident_rollup" WHERE events <= 0 RETURNING events, fatalities)
    SELECT count(*) FILTER (WHERE events < 0 OR fatalities <> 0) INTO broken_cells FROM emptied;
    IF broken_cells > 0 THEN
      RAISE EXCEPTION 'incidents.incident_rollup: % cell(s) below 0 — the rollup no longer matches incidents.incidents', broken_cells;
    END IF;
  END IF;
  RETURN changed_cells;
END;
$$;
--> statement-breakpoint
-- The triggers of 0004 keep their names and events; each statement's net change per cell now
-- goes to the delta, then the write compacts if no one else is.
CREATE OR REPLACE FUNCTION "incidents"."incident_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM old_rows'
    ELSE 'SELECT *, 1 AS n FROM new_rows UNION ALL SELECT *, -1 AS n FROM old_rows'
  END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "incidents"."incident_rollup", "incidents"."incident_rollup_delta";
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "incidents"."incident_rollup_delta"
      (mission_id, admin_area_pcode, admin1_pcode, month, event_type, local_type, violated_agreement, reported_by_organization_id, refuted, events, fatalities)
    SELECT mission_id, admin_area_pcode, admin1_pcode, to_char(event_date, 'YYYY-MM'), event_type, local_type, violated_agreement,
           reported_by_organization_id, verification_status = 'REFUTED', sum(n), sum(n * fatalities)
    FROM (%s) AS changed
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9
    HAVING sum(n) <> 0 OR sum(n * fatalities) <> 0
  $sql$, signed);
  PERFORM "incidents"."incident_rollup_compact"();
  RETURN NULL;
END;
$$;
