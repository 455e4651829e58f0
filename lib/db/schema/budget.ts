import { sql } from "drizzle-orm";
import { bigint, bigserial, index, integer, numeric, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const budgetEntryStatuses = ["reserved", "settled", "released"] as const;
export type BudgetEntryStatus = (typeof budgetEntryStatuses)[number];

// Ten decimal places: a single cheap call costs micro-dollars, and rounding must never let the
// sum of settled costs drift past a limit.
const usd = (name: string) => numeric(name, { precision: 20, scale: 10, mode: "number" });

/**
 * The budget ledger: one row per model call. A worker reserves the worst case before the call and
 * settles the real usage after (see lib/budget), so concurrent workers cannot overspend.
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
    costUsd: usd("cost_usd").notNull().default(0),
    wallMs: bigint("wall_ms", { mode: "number" }).notNull().default(0),
    /** The worst case held while the call runs; released when it settles. */
    reservedCostUsd: usd("reserved_cost_usd").notNull().default(0),
    reservedTokens: bigint("reserved_tokens", { mode: "number" }).notNull().default(0),
    reservedMs: bigint("reserved_ms", { mode: "number" }).notNull().default(0),
    /** The budget counters this entry charges (see budget_counters.scope). */
    scopes: text("scopes").array().notNull().default(sql`'{}'::text[]`),
    /** After this a reservation can no longer be running (the call is aborted at its timeout). */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    /** Why an entry was settled without a reported usage (crashed worker, failed call). */
    note: text("note"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    settledAt: timestamp("settled_at", { withTimezone: true }),
  },
  (table) => [
    index("budget_entries_created_at_idx").on(table.createdAt),
    index("budget_entries_repository_idx").on(table.repositoryId),
    index("budget_entries_issue_idx").on(table.issueId),
    index("budget_entries_open_idx").on(table.expiresAt).where(sql`${table.status} = 'reserved'`),
  ],
);

/**
 * Running totals per budget scope: `overall`, `weekly`, `repository:<id>`, `language:<name>`,
 * `issue:<id>`. Reservations lock the rows of every scope they touch, check the limits and add to
 * `reserved_*` in one transaction, so the check and the spend cannot be separated by another worker.
 */
export const budgetCounters = pgTable("budget_counters", {
  scope: text("scope").primaryKey(),
  usedCostUsd: usd("used_cost_usd").notNull().default(0),
  usedInputTokens: bigint("used_input_tokens", { mode: "number" }).notNull().default(0),
  usedOutputTokens: bigint("used_output_tokens", { mode: "number" }).notNull().default(0),
  usedMs: bigint("used_ms", { mode: "number" }).notNull().default(0),
  reservedCostUsd: usd("reserved_cost_usd").notNull().default(0),
  reservedTokens: bigint("reserved_tokens", { mode: "number" }).notNull().default(0),
  reservedMs: bigint("reserved_ms", { mode: "number" }).notNull().default(0),
  calls: bigint("calls", { mode: "number" }).notNull().default(0),
  /** Start of the counted window: the last reset, or for `weekly` the start of the week. */
  windowStart: timestamp("window_start", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

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
export type BudgetCounter = typeof budgetCounters.$inferSelect;
