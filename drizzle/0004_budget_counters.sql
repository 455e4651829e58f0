CREATE TABLE "budget_counters" (
	"scope" text PRIMARY KEY NOT NULL,
	"used_cost_usd" numeric(20, 10) DEFAULT 0 NOT NULL,
	"used_input_tokens" bigint DEFAULT 0 NOT NULL,
	"used_output_tokens" bigint DEFAULT 0 NOT NULL,
	"used_ms" bigint DEFAULT 0 NOT NULL,
	"reserved_cost_usd" numeric(20, 10) DEFAULT 0 NOT NULL,
	"reserved_tokens" bigint DEFAULT 0 NOT NULL,
	"reserved_ms" bigint DEFAULT 0 NOT NULL,
	"calls" bigint DEFAULT 0 NOT NULL,
	"window_start" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "budget_entries" ALTER COLUMN "cost_usd" SET DATA TYPE numeric(20, 10);--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "reserved_cost_usd" numeric(20, 10) DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "reserved_tokens" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "reserved_ms" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "scopes" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "expires_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "budget_entries" ADD COLUMN "note" text;--> statement-breakpoint
CREATE INDEX "budget_entries_open_idx" ON "budget_entries" USING btree ("expires_at") WHERE "budget_entries"."status" = 'reserved';