-- One outbox INSERT per statement, not per row (issue 19, docs/benchmarks.md "Data scale
-- factor"): the row trigger of 0001 inserted each constraint's event on its own, and each of
-- those inserts fired the outbox's statement trigger (its 7-day retention DELETE and pg_notify)
-- again — ≈ 20 s of the ×100 seed. Every inserted constraint still emits its event, in the same
-- transaction; NOTIFY is still once per transaction, and a statement that inserted nothing
-- (a re-seed's ON CONFLICT DO NOTHING) writes no outbox row and fires no notification.
DROP TRIGGER "access_constraint_reported" ON "humanitarian"."access_constraints";
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "humanitarian"."outbox_access_constraints"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM new_rows) THEN
    INSERT INTO "humanitarian"."outbox" (topic, entity_id, mission_id, admin_area_pcode, admin1_pcode, kind, organization_id)
    SELECT 'accessConstraintReported', id, mission_id, admin_area_pcode, admin1_pcode, constraint_type, reporting_organization_id
    FROM new_rows;
  END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "access_constraint_reported"
  AFTER INSERT ON "humanitarian"."access_constraints"
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION "humanitarian"."outbox_access_constraints"();
