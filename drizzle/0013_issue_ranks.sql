CREATE TABLE "issue_ranks" (
	"issue_id" bigint PRIMARY KEY NOT NULL,
	"run_id" bigint NOT NULL,
	"pinned" boolean NOT NULL,
	"priority" real NOT NULL,
	"health" real NOT NULL,
	"impact" real NOT NULL,
	"solvability" real NOT NULL,
	"urgency" real NOT NULL,
	"uniqueness" real NOT NULL,
	"demoted" boolean NOT NULL
);
--> statement-breakpoint
CREATE TABLE "priority_runs" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"weights" jsonb NOT NULL,
	"demote_low_value" boolean NOT NULL,
	"languages" text[] NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
DROP INDEX "issues_claimable_idx";--> statement-breakpoint
DROP INDEX "issues_priority_idx";--> statement-breakpoint
CREATE INDEX "issue_ranks_claim_idx" ON "issue_ranks" USING btree ("pinned" DESC NULLS LAST,"priority" DESC NULLS LAST,"issue_id");--> statement-breakpoint
CREATE INDEX "issue_ranks_priority_idx" ON "issue_ranks" USING btree ("priority" DESC NULLS LAST,"issue_id");--> statement-breakpoint
-- Keep the ranking a store already has: one run with the weights its breakdowns recorded (style
-- demotion and languages were not recorded: the defaults), a rank row per ranked, unfinished issue.
INSERT INTO "priority_runs" ("weights", "demote_low_value", "languages")
SELECT jsonb_build_object('health', (b->'health'->>'weight')::real, 'impact', (b->'impact'->>'weight')::real,
  'solvability', (b->'solvability'->>'weight')::real, 'urgency', (b->'urgency'->>'weight')::real,
  'uniqueness', (b->'uniqueness'->>'weight')::real), true, '{}'
FROM (SELECT "priority_breakdown" AS b FROM "issues" WHERE "priority" IS NOT NULL AND "priority_breakdown" ? 'health' LIMIT 1) sample;--> statement-breakpoint
INSERT INTO "issue_ranks"
SELECT "id", (SELECT max("id") FROM "priority_runs"), "pinned", "priority",
  ("priority_breakdown"->'health'->>'value')::real, ("priority_breakdown"->'impact'->>'value')::real,
  ("priority_breakdown"->'solvability'->>'value')::real, ("priority_breakdown"->'urgency'->>'value')::real,
  ("priority_breakdown"->'uniqueness'->>'value')::real, coalesce(("priority_breakdown"->>'demoted')::boolean, false)
FROM "issues"
WHERE "priority" IS NOT NULL AND "priority_breakdown" ? 'health' AND "assignment_status" <> 'completed';--> statement-breakpoint
ALTER TABLE "issues" DROP COLUMN "priority";--> statement-breakpoint
ALTER TABLE "issues" DROP COLUMN "priority_breakdown";--> statement-breakpoint
ALTER TABLE "issues" DROP COLUMN "priority_reason";