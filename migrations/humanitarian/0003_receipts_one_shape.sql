-- One receipts shape for every subgraph (kit/src/idempotency.ts): the first result carries the row's id
-- (`extra` was never written).
ALTER TABLE "humanitarian"."write_receipts" ADD COLUMN "result" jsonb;--> statement-breakpoint
UPDATE "humanitarian"."write_receipts" SET "result" = jsonb_build_object('id', "result_id");--> statement-breakpoint
ALTER TABLE "humanitarian"."write_receipts" DROP COLUMN "result_id";--> statement-breakpoint
ALTER TABLE "humanitarian"."write_receipts" DROP COLUMN "extra";
