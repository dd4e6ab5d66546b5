-- One receipts shape for every subgraph (kit/src/idempotency.ts), keyed by the caller organisation.
ALTER TABLE "finance"."write_receipts" RENAME COLUMN "actor" TO "organization_id";--> statement-breakpoint
ALTER TABLE "finance"."write_receipts" DROP CONSTRAINT "write_receipts_actor_client_key_pk";--> statement-breakpoint
ALTER TABLE "finance"."write_receipts" ALTER COLUMN "result" DROP NOT NULL;--> statement-breakpoint
ALTER TABLE "finance"."write_receipts" ADD CONSTRAINT "write_receipts_organization_id_client_key_pk" PRIMARY KEY("organization_id","client_key");