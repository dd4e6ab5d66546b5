CREATE TABLE "incidents"."sea_allegation_rollup" (
	"mission_id" text NOT NULL,
	"year" integer NOT NULL,
	"allegations" integer NOT NULL,
	CONSTRAINT "sea_allegation_rollup_cell_uq" UNIQUE("mission_id","year")
);
--> statement-breakpoint
CREATE TABLE "incidents"."sea_allegation_rollup_delta" (
	"mission_id" text NOT NULL,
	"year" integer NOT NULL,
	"allegations" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "sea_allegation_rollup_empty_idx" ON "incidents"."sea_allegation_rollup" USING btree ("allegations") WHERE "incidents"."sea_allegation_rollup"."allegations" <= 0;--> statement-breakpoint
-- seaAllegationStatistics reads a rollup, not the allegations (issue 19; docs/benchmarks.md): the
-- incident rollup's design (0004–0005). Statement triggers append each write's net change per
-- cell to the delta, then fold every visible delta into the rollup unless another transaction is
-- folding (so writers never wait for each other); the reads sum both through
-- sea_allegation_cells and are exact at every commit.
CREATE VIEW "incidents"."sea_allegation_cells" AS
  SELECT mission_id, year, allegations FROM "incidents"."sea_allegation_rollup"
  UNION ALL
  SELECT mission_id, year, allegations FROM "incidents"."sea_allegation_rollup_delta";
--> statement-breakpoint
CREATE FUNCTION "incidents"."sea_allegation_rollup_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed_cells integer;
  broken_cells integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('incidents.sea_allegation_rollup')) THEN
    RETURN NULL;
  END IF;
  WITH moved AS (DELETE FROM "incidents"."sea_allegation_rollup_delta" RETURNING *)
  INSERT INTO "incidents"."sea_allegation_rollup" AS r (mission_id, year, allegations)
  SELECT mission_id, year, sum(allegations) FROM moved
  GROUP BY 1, 2
  HAVING sum(allegations) <> 0
  ORDER BY 1, 2
  ON CONFLICT ON CONSTRAINT sea_allegation_rollup_cell_uq
  DO UPDATE SET allegations = r.allegations + excluded.allegations;
  GET DIAGNOSTICS changed_cells = ROW_COUNT;
  IF changed_cells > 0 THEN
    WITH emptied AS (DELETE FROM "incidents"."sea_allegation_rollup" WHERE allegations <= 0 RETURNING allegations)
    SELECT count(*) FILTER (WHERE allegations < 0) INTO broken_cells FROM emptied;
    IF broken_cells > 0 THEN
      RAISE EXCEPTION 'incidents.sea_allegation_rollup: % cell(s) below 0 — the rollup no longer matches incidents.sea_allegations', broken_cells;
    END IF;
  END IF;
  RETURN changed_cells;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "incidents"."sea_allegation_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM old_rows'
    ELSE 'SELECT *, 1 AS n FROM new_rows UNION ALL SELECT *, -1 AS n FROM old_rows'
  END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "incidents"."sea_allegation_rollup", "incidents"."sea_allegation_rollup_delta";
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "incidents"."sea_allegation_rollup_delta" (mission_id, year, allegations)
    SELECT mission_id, extract(year from reported_on)::int, sum(n)
    FROM (%s) AS changed
    GROUP BY 1, 2
    HAVING sum(n) <> 0
  $sql$, signed);
  PERFORM "incidents"."sea_allegation_rollup_compact"();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Writes wait while the rows already there are counted (the migration's transaction holds the lock).
LOCK TABLE "incidents"."sea_allegations" IN SHARE MODE;
--> statement-breakpoint
INSERT INTO "incidents"."sea_allegation_rollup" (mission_id, year, allegations)
SELECT mission_id, extract(year from reported_on)::int, count(*)
FROM "incidents"."sea_allegations"
GROUP BY 1, 2;
--> statement-breakpoint
CREATE TRIGGER "sea_allegation_rollup_insert" AFTER INSERT ON "incidents"."sea_allegations"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."sea_allegation_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "sea_allegation_rollup_update" AFTER UPDATE ON "incidents"."sea_allegations"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."sea_allegation_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "sea_allegation_rollup_delete" AFTER DELETE ON "incidents"."sea_allegations"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."sea_allegation_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "sea_allegation_rollup_truncate" AFTER TRUNCATE ON "incidents"."sea_allegations"
  FOR EACH STATEMENT EXECUTE FUNCTION "incidents"."sea_allegation_rollup_changes"();
