-- AdminArea.operationalPresence / accessConstraints / displacement are pages now (issue 19): each
-- area's page is read in id order off (p-code, id) and (admin1, id), so it costs a page of index
-- entries at any data size (subgraphs/humanitarian/src/area-pages.ts).
DROP INDEX "humanitarian"."access_constraints_admin_area_idx";--> statement-breakpoint
DROP INDEX "humanitarian"."displacement_area_idx";--> statement-breakpoint
DROP INDEX "humanitarian"."operational_presence_area_idx";--> statement-breakpoint
DROP INDEX "humanitarian"."operational_presence_admin1_idx";--> statement-breakpoint
CREATE INDEX "access_constraints_admin1_idx" ON "humanitarian"."access_constraints" USING btree ("admin1_pcode","id");--> statement-breakpoint
CREATE INDEX "displacement_admin_area_idx" ON "humanitarian"."displacement" USING btree ("admin_area_pcode","id");--> statement-breakpoint
CREATE INDEX "access_constraints_admin_area_idx" ON "humanitarian"."access_constraints" USING btree ("admin_area_pcode","id");--> statement-breakpoint
CREATE INDEX "displacement_area_idx" ON "humanitarian"."displacement" USING btree ("admin1_pcode","id");--> statement-breakpoint
CREATE INDEX "operational_presence_area_idx" ON "humanitarian"."operational_presence" USING btree ("admin_area_pcode","id");--> statement-breakpoint
CREATE INDEX "operational_presence_admin1_idx" ON "humanitarian"."operational_presence" USING btree ("admin1_pcode","id");