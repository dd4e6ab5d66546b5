CREATE SCHEMA "finance";
--> statement-breakpoint
CREATE TABLE "finance"."assessments" (
	"id" text PRIMARY KEY NOT NULL,
	"member_state_iso3" char(3) NOT NULL,
	"mission_id" text NOT NULL,
	"fiscal_period_id" text NOT NULL,
	"scale_rate" numeric(9, 6) NOT NULL,
	"assessed_amount" numeric(18, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"due_date" date NOT NULL,
	"source" text NOT NULL,
	"estimated" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance"."budget_performance" (
	"mission_id" text NOT NULL,
	"fiscal_period_id" text NOT NULL,
	"expenditure" numeric(18, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"source" text NOT NULL,
	"estimated" boolean NOT NULL,
	CONSTRAINT "budget_performance_mission_id_fiscal_period_id_pk" PRIMARY KEY("mission_id","fiscal_period_id")
);
--> statement-breakpoint
CREATE TABLE "finance"."fiscal_periods" (
	"id" text PRIMARY KEY NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance"."funding_flows" (
	"id" text PRIMARY KEY NOT NULL,
	"fts_id" integer,
	"origin" text NOT NULL,
	"flow_date" date,
	"budget_year" integer,
	"description" text,
	"amount_usd" numeric(18, 2) NOT NULL,
	"original_amount" numeric(18, 2),
	"original_currency" char(3),
	"exchange_rate" numeric(18, 6),
	"exchange_rate_date" date,
	"source_organization_name" text,
	"source_organization_id" text,
	"source_organization_types" text,
	"source_locations" text[],
	"source_usage_year_start" integer,
	"source_usage_year_end" integer,
	"destination_plan_id" integer,
	"destination_plan_code" text,
	"destination_plan_name" text,
	"destination_organization_name" text,
	"destination_organization_id" text,
	"destination_organization_types" text,
	"destination_global_clusters" text[] NOT NULL,
	"destination_locations" text[] NOT NULL,
	"destination_project" text,
	"destination_project_code" text,
	"destination_emergency" text,
	"destination_usage_year_start" integer,
	"destination_usage_year_end" integer,
	"contribution_type" text NOT NULL,
	"flow_type" text,
	"method" text,
	"boundary" text NOT NULL,
	"on_boundary" text,
	"status" text NOT NULL,
	"first_reported_date" date,
	"decision_date" date,
	"keywords" text,
	"ref_code" text,
	"fts_created_at" date,
	"fts_updated_at" date,
	"confidential" boolean NOT NULL,
	"confidential_reason" text,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_flows_fts_id_unique" UNIQUE("fts_id"),
	CONSTRAINT "funding_flows_status_known" CHECK ("finance"."funding_flows"."status" in ('pledge', 'commitment', 'paid')),
	CONSTRAINT "funding_flows_amount_not_negative" CHECK ("finance"."funding_flows"."amount_usd" >= 0)
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
CREATE TABLE "finance"."payments" (
	"id" text PRIMARY KEY NOT NULL,
	"assessment_id" text,
	"funding_flow_id" text,
	"amount" numeric(18, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"paid_on" date NOT NULL,
	"excess_amount" numeric(18, 2),
	"flagged" boolean NOT NULL,
	"origin" text NOT NULL,
	"recorded_by" text,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "payments_one_target" CHECK (("finance"."payments"."assessment_id" is null) <> ("finance"."payments"."funding_flow_id" is null)),
	CONSTRAINT "payments_positive" CHECK ("finance"."payments"."amount" > 0)
);
--> statement-breakpoint
CREATE TABLE "finance"."funding_outside_plans" (
	"country_iso3" text NOT NULL,
	"year" integer NOT NULL,
	"funding_usd" numeric(18, 2) NOT NULL,
	"source" text NOT NULL,
	CONSTRAINT "funding_outside_plans_country_iso3_year_pk" PRIMARY KEY("country_iso3","year")
);
--> statement-breakpoint
CREATE TABLE "finance"."plan_clusters" (
	"plan_id" integer NOT NULL,
	"cluster" text NOT NULL,
	"cluster_code" integer,
	"requirements_usd" numeric(18, 2),
	"reported_funding_usd" numeric(18, 2),
	"reported_percent_funded" integer,
	CONSTRAINT "plan_clusters_plan_id_cluster_pk" PRIMARY KEY("plan_id","cluster")
);
--> statement-breakpoint
CREATE TABLE "finance"."plans" (
	"id" integer PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"type_id" integer,
	"type_name" text,
	"country_iso3" text[] NOT NULL,
	"year" integer NOT NULL,
	"start_date" date,
	"end_date" date,
	"requirements_usd" numeric(18, 2),
	"reported_funding_usd" numeric(18, 2),
	"reported_percent_funded" integer,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance"."trust_funds" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"purpose" text NOT NULL,
	"administered_by" text NOT NULL,
	"mission_id" text,
	"source" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "finance"."voluntary_contributions" (
	"id" text PRIMARY KEY NOT NULL,
	"trust_fund_id" text,
	"mission_id" text,
	"donor_organization_id" text NOT NULL,
	"kind" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"currency" char(3) NOT NULL,
	"in_kind_description" text,
	"purpose" text NOT NULL,
	"earmarking" text NOT NULL,
	"received_on" date NOT NULL,
	"confidential" boolean NOT NULL,
	"origin" text NOT NULL,
	CONSTRAINT "voluntary_contributions_kind" CHECK ("finance"."voluntary_contributions"."kind" in ('CASH', 'IN_KIND')),
	CONSTRAINT "voluntary_contributions_earmarking" CHECK ("finance"."voluntary_contributions"."earmarking" in ('UNEARMARKED', 'SOFTLY_EARMARKED', 'EARMARKED'))
);
--> statement-breakpoint
CREATE TABLE "finance"."write_receipts" (
	"actor" text NOT NULL,
	"client_key" text NOT NULL,
	"operation" text NOT NULL,
	"input_hash" text NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "write_receipts_actor_client_key_pk" PRIMARY KEY("actor","client_key")
);
--> statement-breakpoint
CREATE INDEX "assessments_member_state_idx" ON "finance"."assessments" USING btree ("member_state_iso3");--> statement-breakpoint
CREATE INDEX "assessments_mission_idx" ON "finance"."assessments" USING btree ("mission_id","fiscal_period_id");--> statement-breakpoint
CREATE INDEX "funding_flows_plan_idx" ON "finance"."funding_flows" USING btree ("destination_plan_id");--> statement-breakpoint
CREATE INDEX "funding_flows_source_org_idx" ON "finance"."funding_flows" USING btree ("source_organization_id");--> statement-breakpoint
CREATE INDEX "funding_flows_destination_org_idx" ON "finance"."funding_flows" USING btree ("destination_organization_id");--> statement-breakpoint
CREATE UNIQUE INDEX "mission_budgets_mission_period_uq" ON "finance"."mission_budgets" USING btree ("mission_id","fiscal_period_id");--> statement-breakpoint
CREATE INDEX "mission_budgets_period_idx" ON "finance"."mission_budgets" USING btree ("fiscal_period_id");--> statement-breakpoint
CREATE INDEX "payments_assessment_idx" ON "finance"."payments" USING btree ("assessment_id");--> statement-breakpoint
CREATE INDEX "payments_flow_idx" ON "finance"."payments" USING btree ("funding_flow_id");--> statement-breakpoint
CREATE INDEX "plans_code_idx" ON "finance"."plans" USING btree ("code");--> statement-breakpoint
CREATE INDEX "voluntary_contributions_fund_idx" ON "finance"."voluntary_contributions" USING btree ("trust_fund_id");--> statement-breakpoint
CREATE INDEX "voluntary_contributions_donor_idx" ON "finance"."voluntary_contributions" USING btree ("donor_organization_id");