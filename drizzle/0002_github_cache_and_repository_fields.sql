CREATE TABLE "github_cache" (
	"key" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"url" text NOT NULL,
	"etag" text,
	"status" integer NOT NULL,
	"headers" jsonb,
	"body" jsonb,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	"validated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "github_requests" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"method" text NOT NULL,
	"endpoint" text NOT NULL,
	"status" integer,
	"resource" text,
	"cost" real DEFAULT 0 NOT NULL,
	"cache_hit" text DEFAULT 'none' NOT NULL,
	"duration_ms" integer,
	"run_id" text
);
--> statement-breakpoint
ALTER TABLE "repositories" ADD COLUMN "topics" text[] DEFAULT '{}'::text[] NOT NULL;--> statement-breakpoint
ALTER TABLE "repositories" ADD COLUMN "license" text;--> statement-breakpoint
ALTER TABLE "repositories" ADD COLUMN "project_kind" text;--> statement-breakpoint
ALTER TABLE "repositories" ADD COLUMN "signals" jsonb;--> statement-breakpoint
CREATE INDEX "github_cache_fetched_at_idx" ON "github_cache" USING btree ("fetched_at");--> statement-breakpoint
CREATE INDEX "github_requests_at_idx" ON "github_requests" USING btree ("at");--> statement-breakpoint
CREATE INDEX "github_requests_run_idx" ON "github_requests" USING btree ("run_id");