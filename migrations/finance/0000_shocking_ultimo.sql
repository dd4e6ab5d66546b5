CREATE SCHEMA "finance";
--> statement-breakpoint
CREATE TABLE "finance"."fiscal_periods" (
	"id" text PRIMARY KEY NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance"."mission_budgets" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "finance"."mission_budgets_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"mission_id" text NOT NULL,
	"fiscal_period_id" text NOT NULL,
	"approved_amount" numeric(18, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"military_and_police_personnel" numeric(18, 2),
	"civilian_personnel" numeric(18, 2),
	"operational_costs" numeric(18, 2),
	"resolution_symbol" text,
	"source" text NOT NULL,
	"source_note" text,
	"estimated" boolean NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX "mission_budgets_mission_period_uq" ON "finance"."mission_budgets" USING btree ("mission_id","fiscal_period_id");--> statement-breakpoint
CREATE INDEX "mission_budgets_period_idx" ON "finance"."mission_budgets" USING btree ("fiscal_period_id");