ALTER TABLE "finance"."assessments" ALTER COLUMN "assessed_amount" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."budget_performance" ALTER COLUMN "expenditure" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."mission_budgets" ALTER COLUMN "approved_amount" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."mission_budgets" ALTER COLUMN "military_and_police_personnel" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."mission_budgets" ALTER COLUMN "civilian_personnel" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."mission_budgets" ALTER COLUMN "operational_costs" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."payments" ALTER COLUMN "amount" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."payments" ALTER COLUMN "excess_amount" SET DATA TYPE numeric(18, 3);--> statement-breakpoint
ALTER TABLE "finance"."voluntary_contributions" ALTER COLUMN "amount" SET DATA TYPE numeric(18, 3);