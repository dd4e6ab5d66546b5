-- One receipts shape for every subgraph (kit/src/idempotency.ts): the first result carries the row's id.
UPDATE "missions"."write_receipts" SET "result" = coalesce("result", '{}'::jsonb) || jsonb_build_object('id', "result_id");--> statement-breakpoint
ALTER TABLE "missions"."write_receipts" DROP COLUMN "result_id";
