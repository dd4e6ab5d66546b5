CREATE TABLE "humanitarian"."footprint_rollup" (
	"country_iso3" text NOT NULL,
	"organization_id" text NOT NULL,
	"cluster" text NOT NULL,
	"status" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"activities" integer NOT NULL,
	"targeted" bigint NOT NULL,
	"reached" bigint NOT NULL,
	CONSTRAINT "footprint_rollup_cell_uq" UNIQUE("country_iso3","status","period_start","period_end","organization_id","cluster")
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."footprint_rollup_delta" (
	"country_iso3" text NOT NULL,
	"organization_id" text NOT NULL,
	"cluster" text NOT NULL,
	"status" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"activities" integer NOT NULL,
	"targeted" bigint NOT NULL,
	"reached" bigint NOT NULL
);
--> statement-breakpoint
CREATE INDEX "footprint_rollup_empty_idx" ON "humanitarian"."footprint_rollup" USING btree ("activities") WHERE "humanitarian"."footprint_rollup"."activities" <= 0;--> statement-breakpoint
-- Mission.humanitarianFootprint reads a rollup, not the 3W rows (issue 19; docs/benchmarks.md): the
-- incidents rollup's design (incidents migrations 0004–0005). Statement triggers append each
-- write's net change per cell to the delta, then fold every visible delta into the rollup unless
-- another transaction is folding (so writers never wait for each other); the reads sum both
-- through footprint_cells and are exact at every commit.
CREATE VIEW "humanitarian"."footprint_cells" AS
  SELECT country_iso3, organization_id, cluster, status, period_start, period_end, activities, targeted, reached
  FROM "humanitarian"."footprint_rollup"
  UNION ALL
  SELECT country_iso3, organization_id, cluster, status, period_start, period_end, activities, targeted, reached
  FROM "humanitarian"."footprint_rollup_delta";
--> statement-breakpoint
CREATE FUNCTION "humanitarian"."footprint_rollup_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed_cells integer;
  broken_cells integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('humanitarian.footprint_rollup')) THEN
    RETURN NULL;
  END IF;
  WITH moved AS (DELETE FROM "humanitarian"."footprint_rollup_delta" RETURNING *)
  INSERT INTO "humanitarian"."footprint_rollup" AS r
    (country_iso3, organization_id, cluster, status, period_start, period_end, activities, targeted, reached)
  SELECT country_iso3, organization_id, cluster, status, period_start, period_end, sum(activities), sum(targeted), sum(reached)
  FROM moved
  GROUP BY 1, 2, 3, 4, 5, 6
  HAVING sum(activities) <> 0 OR sum(targeted) <> 0 OR sum(reached) <> 0
  ORDER BY 1, 4, 5, 6, 2, 3
  ON CONFLICT ON CONSTRAINT footprint_rollup_cell_uq
  DO UPDATE SET activities = r.activities + excluded.activities, targeted = r.targeted + excluded.targeted, reached = r.reached + excluded.reached;
  GET DIAGNOSTICS changed_cells = ROW_COUNT;
  IF changed_cells > 0 THEN
    WITH emptied AS (DELETE FROM "humanitarian"."footprint_rollup" WHERE activities <= 0 RETURNING activities, targeted, reached)
    SELECT count(*) FILTER (WHERE activities < 0 OR targeted <> 0 OR reached <> 0) INTO broken_cells FROM emptied;
    IF broken_cells > 0 THEN
      RAISE EXCEPTION 'humanitarian.footprint_rollup: % cell(s) below 0 — the rollup no longer matches humanitarian.operational_presence', broken_cells;
    END IF;
  END IF;
  RETURN changed_cells;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "humanitarian"."footprint_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM old_rows'
    ELSE 'SELECT *, 1 AS n FROM new_rows UNION ALL SELECT *, -1 AS n FROM old_rows'
  END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "humanitarian"."footprint_rollup", "humanitarian"."footprint_rollup_delta";
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "humanitarian"."footprint_rollup_delta"
      (country_iso3, organization_id, cluster, status, period_start, period_end, activities, targeted, reached)
    SELECT country_iso3, organization_id, cluster, status, period_start, period_end, sum(n), sum(n * targeted_total), sum(n * reached_total)
    FROM (%s) AS changed
    GROUP BY 1, 2, 3, 4, 5, 6
    HAVING sum(n) <> 0 OR sum(n * targeted_total) <> 0 OR sum(n * reached_total) <> 0
  $sql$, signed);
  PERFORM "humanitarian"."footprint_rollup_compact"();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Writes wait while the rows already there are counted (the migration's transaction holds the lock).
LOCK TABLE "humanitarian"."operational_presence" IN SHARE MODE;
--> statement-breakpoint
INSERT INTO "humanitarian"."footprint_rollup"
  (country_iso3, organization_id, cluster, status, period_start, period_end, activities, targeted, reached)
SELECT country_iso3, organization_id, cluster, status, period_start, period_end, count(*), sum(targeted_total), sum(reached_total)
FROM "humanitarian"."operational_presence"
GROUP BY 1, 2, 3, 4, 5, 6;
--> statement-breakpoint
CREATE TRIGGER "footprint_rollup_insert" AFTER INSERT ON "humanitarian"."operational_presence"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."footprint_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "footprint_rollup_update" AFTER UPDATE ON "humanitarian"."operational_presence"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."footprint_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "footprint_rollup_delete" AFTER DELETE ON "humanitarian"."operational_presence"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."footprint_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "footprint_rollup_truncate" AFTER TRUNCATE ON "humanitarian"."operational_presence"
  FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."footprint_rollup_changes"();
