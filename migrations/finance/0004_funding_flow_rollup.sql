CREATE TABLE "finance"."funding_flow_rollup" (
	"origin" text NOT NULL,
	"destination_plan_id" integer,
	"destination_plan_code" text,
	"destination_locations" text[] NOT NULL,
	"source_organization_id" text,
	"source_organization_name" text,
	"destination_organization_id" text,
	"destination_organization_name" text,
	"boundary" text NOT NULL,
	"status" text NOT NULL,
	"confidential" boolean NOT NULL,
	"confidential_reason" text,
	"flows" integer NOT NULL,
	"amount_usd" numeric NOT NULL,
	CONSTRAINT "funding_flow_rollup_cell_uq" UNIQUE NULLS NOT DISTINCT("destination_plan_id","status","boundary","source_organization_id","destination_organization_id","destination_locations","origin","confidential","confidential_reason","destination_plan_code","source_organization_name","destination_organization_name")
);
--> statement-breakpoint
CREATE TABLE "finance"."funding_flow_rollup_delta" (
	"origin" text NOT NULL,
	"destination_plan_id" integer,
	"destination_plan_code" text,
	"destination_locations" text[] NOT NULL,
	"source_organization_id" text,
	"source_organization_name" text,
	"destination_organization_id" text,
	"destination_organization_name" text,
	"boundary" text NOT NULL,
	"status" text NOT NULL,
	"confidential" boolean NOT NULL,
	"confidential_reason" text,
	"flows" integer NOT NULL,
	"amount_usd" numeric NOT NULL
);
--> statement-breakpoint
CREATE INDEX "funding_flow_rollup_empty_idx" ON "finance"."funding_flow_rollup" USING btree ("flows") WHERE "finance"."funding_flow_rollup"."flows" <= 0;--> statement-breakpoint
-- fundingFlows.totals and Plan.fundingUsd read a rollup, not the flows (issue 19; docs/benchmarks.md):
-- the incidents rollup's design (incidents migrations 0004–0005). Statement triggers append each
-- write's net change per cell to the delta, then fold every visible delta into the rollup unless
-- another transaction is folding (so writers never wait for each other); the reads sum both
-- through funding_flow_cells and are exact at every commit.
CREATE VIEW "finance"."funding_flow_cells" AS
  SELECT origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
         destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, flows, amount_usd
  FROM "finance"."funding_flow_rollup"
  UNION ALL
  SELECT origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
         destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, flows, amount_usd
  FROM "finance"."funding_flow_rollup_delta";
--> statement-breakpoint
-- Folds every delta this transaction can see into the rollup, one compaction at a time (a
-- transaction-scoped advisory lock; a writer that finds one running leaves its delta for the
-- next). Cells are upserted in key order; a cell brought to 0 flows is deleted; one below 0, or
-- at 0 flows with an amount left, raises (and rolls that write back): no silent drift.
CREATE FUNCTION "finance"."funding_flow_rollup_compact"() RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  changed_cells integer;
  broken_cells integer;
BEGIN
  IF NOT pg_try_advisory_xact_lock(hashtext('finance.funding_flow_rollup')) THEN
    RETURN NULL;
  END IF;
  WITH moved AS (DELETE FROM "finance"."funding_flow_rollup_delta" RETURNING *)
  INSERT INTO "finance"."funding_flow_rollup" AS r
    (origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
     destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, flows, amount_usd)
  SELECT origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
         destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, sum(flows), sum(amount_usd)
  FROM moved
  GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
  HAVING sum(flows) <> 0 OR sum(amount_usd) <> 0
  ORDER BY 2, 10, 9, 5, 7, 4, 1, 11, 12, 3, 6, 8
  ON CONFLICT ON CONSTRAINT funding_flow_rollup_cell_uq
  DO UPDATE SET flows = r.flows + excluded.flows, amount_usd = r.amount_usd + excluded.amount_usd;
  GET DIAGNOSTICS changed_cells = ROW_COUNT;
  IF changed_cells > 0 THEN
    WITH emptied AS (DELETE FROM "finance"."funding_flow_rollup" WHERE flows <= 0 RETURNING flows, amount_usd)
    SELECT count(*) FILTER (WHERE flows < 0 OR amount_usd <> 0) INTO broken_cells FROM emptied;
    IF broken_cells > 0 THEN
      RAISE EXCEPTION 'finance.funding_flow_rollup: % cell(s) below 0 — the rollup no longer matches finance.funding_flows', broken_cells;
    END IF;
  END IF;
  RETURN changed_cells;
END;
$$;
--> statement-breakpoint
CREATE FUNCTION "finance"."funding_flow_rollup_changes"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  signed text := CASE TG_OP
    WHEN 'INSERT' THEN 'SELECT *, 1 AS n FROM new_rows'
    WHEN 'DELETE' THEN 'SELECT *, -1 AS n FROM old_rows'
    ELSE 'SELECT *, 1 AS n FROM new_rows UNION ALL SELECT *, -1 AS n FROM old_rows'
  END;
BEGIN
  IF TG_OP = 'TRUNCATE' THEN
    TRUNCATE "finance"."funding_flow_rollup", "finance"."funding_flow_rollup_delta";
    RETURN NULL;
  END IF;
  EXECUTE format($sql$
    INSERT INTO "finance"."funding_flow_rollup_delta"
      (origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
       destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, flows, amount_usd)
    SELECT origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
           destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, sum(n), sum(n * amount_usd)
    FROM (%s) AS changed
    GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12
    HAVING sum(n) <> 0 OR sum(n * amount_usd) <> 0
  $sql$, signed);
  PERFORM "finance"."funding_flow_rollup_compact"();
  RETURN NULL;
END;
$$;
--> statement-breakpoint
-- Writes wait while the rows already there are counted (the migration's transaction holds the lock).
LOCK TABLE "finance"."funding_flows" IN SHARE MODE;
--> statement-breakpoint
INSERT INTO "finance"."funding_flow_rollup"
  (origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
   destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, flows, amount_usd)
SELECT origin, destination_plan_id, destination_plan_code, destination_locations, source_organization_id, source_organization_name,
       destination_organization_id, destination_organization_name, boundary, status, confidential, confidential_reason, count(*), sum(amount_usd)
FROM "finance"."funding_flows"
GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12;
--> statement-breakpoint
CREATE TRIGGER "funding_flow_rollup_insert" AFTER INSERT ON "finance"."funding_flows"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "finance"."funding_flow_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "funding_flow_rollup_update" AFTER UPDATE ON "finance"."funding_flows"
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "finance"."funding_flow_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "funding_flow_rollup_delete" AFTER DELETE ON "finance"."funding_flows"
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION "finance"."funding_flow_rollup_changes"();
--> statement-breakpoint
CREATE TRIGGER "funding_flow_rollup_truncate" AFTER TRUNCATE ON "finance"."funding_flows"
  FOR EACH STATEMENT EXECUTE FUNCTION "finance"."funding_flow_rollup_changes"();
