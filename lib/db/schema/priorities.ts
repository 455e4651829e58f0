import {
  bigint,
  bigserial,
  boolean,
  index,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
} from "drizzle-orm/pg-core";

/**
 * One prioritization run: the weights (normalised to sum to 1), style demotion and focus languages
 * it ranked with. A rank row points at its run, so its breakdown and reason are rendered on read
 * from the factors stored with the rank instead of being written a million times.
 */
export const priorityRuns = pgTable("priority_runs", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** { health, impact, solvability, urgency, uniqueness }: each factor's share of the priority. */
  weights: jsonb("weights").$type<Record<string, number>>().notNull(),
  demoteLowValue: boolean("demote_low_value").notNull(),
  /** Lowercase GitHub language names; empty = every language. */
  languages: text("languages").array().notNull(),
  at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
});

/*
 * The ranking: one narrow row per ranked issue (open, approved, in the focus languages, nobody on
 * it, not finished), rebuilt whole by every full prioritization and swapped in at commit
 * (lib/prioritize/reprioritize.ts). Building a fresh table and its indexes costs a sequential write
 * and a sort; updating a wide, much-indexed issues row in place cost four times more per issue at
 * 1M issues than at 100k. The claim reads it in index order and checks each candidate against
 * its issue, so a stale row can delay a claim, never make a wrong one.
 */
export const issueRanks = pgTable(
  "issue_ranks",
  {
    /*
     * No foreign key: adding one at each rebuild would lock issues against writes until the swap
     * commits. A row whose issue was deleted is dropped by every join and by the next full run.
     */
    issueId: bigint("issue_id", { mode: "number" }).primaryKey(),
    runId: bigint("run_id", { mode: "number" }).notNull(),
    /** A copy of issues.pinned (kept in step by triage) so the claim order is one index. */
    pinned: boolean("pinned").notNull(),
    /** 0..1 */
    priority: real("priority").notNull(),
    health: real("health").notNull(),
    impact: real("impact").notNull(),
    solvability: real("solvability").notNull(),
    urgency: real("urgency").notNull(),
    uniqueness: real("uniqueness").notNull(),
    /** Lint, formatting, typo or style-only work, scaled down. */
    demoted: boolean("demoted").notNull(),
  },
  (table) => [
    // The claim order (lib/assign/claim-next-issue.ts): pinned first, then by priority.
    index("issue_ranks_claim_idx").on(table.pinned.desc(), table.priority.desc(), table.issueId),
    // The top N by priority (prioritize, the Issues page) without sorting a million rows.
    index("issue_ranks_priority_idx").on(table.priority.desc(), table.issueId),
  ],
);
