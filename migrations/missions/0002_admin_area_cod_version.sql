ALTER TABLE "missions"."admin_areas" ADD COLUMN "name_alt" text;--> statement-breakpoint
ALTER TABLE "missions"."admin_areas" ADD COLUMN "cod_valid_on" text;