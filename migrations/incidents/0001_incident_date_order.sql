-- Indexes in the order the incident lists are read (event_date DESC, id DESC — NULLS FIRST, PostgreSQL's
-- default for DESC). They were NULLS LAST, which ORDER BY event_date DESC cannot use: every
-- mission page sorted all the mission's incidents instead of reading the first 51 entries.
DROP INDEX "incidents"."incidents_mission_date_idx";--> statement-breakpoint
DROP INDEX "incidents"."incidents_date_idx";--> statement-breakpoint
CREATE INDEX "incidents_mission_date_idx" ON "incidents"."incidents" USING btree ("mission_id","event_date" DESC NULLS FIRST,"id" DESC NULLS FIRST);--> statement-breakpoint
CREATE INDEX "incidents_date_idx" ON "incidents"."incidents" USING btree ("event_date" DESC NULLS FIRST,"id" DESC NULLS FIRST);