DROP INDEX "repositories_full_name_idx";--> statement-breakpoint
ALTER TABLE "repositories" ADD COLUMN "full_name_key" text GENERATED ALWAYS AS (lower(full_name)) STORED NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "repositories_full_name_key_idx" ON "repositories" USING btree ("full_name_key");