CREATE TABLE "humanitarian"."access_constraint_rollup" (
	"country_iso3" text NOT NULL,
	"mission_id" text,
	"admin1_pcode" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"month" text NOT NULL,
	"constraint_type" text NOT NULL,
	"reporting_organization_id" text NOT NULL,
	"constraints" integer NOT NULL,
	CONSTRAINT "access_constraint_rollup_cell_uq" UNIQUE NULLS NOT DISTINCT("country_iso3","admin1_pcode","month","constraint_type","mission_id","admin_area_pcode","reporting_organization_id")
);
--> statement-breakpoint
CREATE TABLE "humanitarian"."access_constraint_rollup_delta" (
	"country_iso3" text NOT NULL,
	"mission_id" text,
	"admin1_pcode" text NOT NULL,
	"admin_area_pcode" text NOT NULL,
	"month" text NOT NULL,
	"constraint_type" text NOT NULL,
	"reporting_organization_id" text NOT NULL,
	"constraints" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "access_constraint_rollup_empty_idx" ON "humanitarian"."access_constraint_rollup" USING btree ("constraints") WHERE "humanitarian"."access_constraint_rollup"."constraints" <= 0;--> statement-breakpoint
-- accessConstraintCounts reads a rollup, not the constraints (issue 19; docs/benchmarks.md): the
-- incidents rollup's design (incidents migrations 0004–0005). Statement triggers append each
-- write's net change per cell to the delta, then fold every visible delta into the rollup unless
-- another transaction is folding (so writers never wait for each other); the reads sum both
-- through access_constraint_cells and are exact at every commit.
CREATE VIEW "humanitarian"."access_constraint_cells" AS
  SELECT country_iso3, mission_id, admin1_pcode, admin_area_pcode, month, constraint_type, reporting_organization_id, constraints
  FROM "humanitarian"."access_constraint_rollup"
  UNION ALL
  SELECT country_iso3, mission_id, admin1_pcode, admin_area_pcode, month, constraint_type, reporting_organization_id, constraints
  FROM "humanitarian"."access_constraint_rollup_delta";
--> statement-breakpoint
CREATE FUNCTION "humanitarian"."access_constraint_rollup_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed_cells integer;
  broken_cells integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('humanitarian.access_constraint_rollup')) THEN
    RETURN NULL;
  END IF;
  WITH moved AS (DELETE FROM "humanitarian"."access_constraint_rollup_delta" RETURNING *)
  INSERT INTO "humanitarian"."access_constraint_rollup" AS r
    (country_iso3, mission_id, admin1_pcode, admin_area_pcode, month, constraint_type, reporting_organization_id, constraints)
  SELECT country_iso3, mission_id, admin1_pcode, admin_area_pcode, month, constraint_type, reporting_organization_id, sum(constraints)
  FROM moved
  GROUP BY 1, 2, 3, 4, 5, 6, 7
  HAVING sum(constraints) <> 0
  ORDER BY 1, 3, 5, 6, 2, 4, 7
  ON CONFLICT ON CONSTRAINT access_constraint_rollup_cell_uq
  DO UPDATE SET constraints = r.constraints + excluded.constraints;
  GET DIAGNOSTICS changed_cells = ROW_COUNT;
  IF changed_cells > 0 THEN
    WITH emptied AS (DELETE FROM "humanitarian"."access_constraint_rollup" WHERE constraints <= 0 RETURNING constraints)
    SELECT count(*) FILTER (WHERE constraints < 0) INTO broken_cells FROM emptied;
    IF broken_cells > 0 THEN
      RAISE EXCEPTION 'humanitarian.access_constraint_rollup: % cell(s) below 0 — the rollup no longer matches humanitarian.access_constraints', broken_cells;
    END IF;
  END IF;
  RETURN changed_cells;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "humanitarian"."access_constraint_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM old_rows'
    ELSE 'SELECT *, 1 AS n FROM new_rows UNION ALL SELECT *, -1 AS n FROM old_rows'
  END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "humanitarian"."access_constraint_rollup", "humanitarian"."access_constraint_rollup_delta";
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "humanitarian"."access_constraint_rollup_delta"
      (country_iso3, mission_id, admin1_pcode, admin_area_pcode, month, constraint_type, reporting_organization_id, constraints)
    SELECT country_iso3, mission_id, admin1_pcode, admin_area_pcode, to_char(occurred_on, 'YYYY-MM'), constraint_type, reporting_organization_id, sum(n)
    FROM (%s) AS changed
    GROUP BY 1, 2, 3, 4, 5, 6, 7
    HAVING sum(n) <> 0
  $sql$, signed);
  PERFORM "humanitarian"."access_constraint_rollup_compact"();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Writes wait while the rows already there are counted (the migration's transaction holds the lock).
LOCK TABLE "humanitarian"."access_constraints" IN SHARE MODE;
--> statement-breakpoint
INSERT INTO "humanitarian"."access_constraint_rollup"
  (country_iso3, mission_id, admin1_pcode, admin_area_pcode, month, constraint_type, reporting_organization_id, constraints)
SELECT country_iso3, mission_id, admin1_pcode, admin_area_pcode, to_char(occurred_on, 'YYYY-MM'), constraint_type, reporting_organization_id, count(*)
FROM "humanitarian"."access_constraints"
GROUP BY 1, 2, 3, 4, 5, 6, 7;
--> statement-breakpoint
CREATE TRIGGER "access_constraint_rollup_insert" AFTER INSERT ON "humanitarian"."access_constraints"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."access_constraint_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "access_constraint_rollup_update" AFTER UPDATE ON "humanitarian"."access_constraints"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."access_constraint_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "access_constraint_rollup_delete" AFTER DELETE ON "humanitarian"."access_constraints"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."access_constraint_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "access_constraint_rollup_truncate" AFTER TRUNCATE ON "humanitarian"."access_constraints"
  FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."access_constraint_rollup_changes"();
