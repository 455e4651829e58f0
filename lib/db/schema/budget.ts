import { bigint, bigserial, index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const budgetEntryStatuses = ["reserved", "settled", "released"] as const;
export type BudgetEntryStatus = (typeof budgetEntryStatuses)[number];

/**
 * The budget ledger: one row per model call (or timed piece of work). A worker reserves the worst
 * case before the call and settles the real usage after, so concurrent workers cannot overspend.
 */
export const budgetEntries = pgTable(
  "budget_entries",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    status: text("status", { enum: budgetEntryStatuses }).notNull().default("reserved"),
    agentId: text("agent_id"),
    issueId: bigint("issue_id", { mode: "number" }),
    repositoryId: bigint("repository_id", { mode: "number" }),
    language: text("language"),
    model: text("model"),
    inputTokens: integer("input_tokens").notNull().default(0),
    outputTokens: integer("output_tokens").notNull().default(0),
    costUsd: numeric("cost_usd", { precision: 14, scale: 6, mode: "number" }).notNull().default(0),
    wallMs: bigint("wall_ms", { mode: "number" }).notNull().default(0),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (table) => [
    index("budget_entries_created_at_idx").on(table.createdAt),
    index("budget_entries_repository_idx").on(table.repositoryId),
    index("budget_entries_issue_idx").on(table.issueId),
  ],
);

/** Budget resets move the start of a scope's window instead of deleting history. */
export const budgetResets = pgTable("budget_resets", {
  id: bigserial("id", { mode: "number" }).primaryKey(),
  /** `overall`, `weekly`, or `repository:<id>`. */
  scope: text("scope").notNull(),
  resetAt: timestamp("reset_at", { withTimezone: true }).notNull().defaultNow(),
  resetBy: text("reset_by").notNull(),
});

export type BudgetEntry = typeof budgetEntries.$inferSelect;
export type NewBudgetEntry = typeof budgetEntries.$inferInsert;
