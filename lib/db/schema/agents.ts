import { bigint, integer, pgTable, text, timestamp } from "drizzle-orm/pg-core";

export const agentStatuses = ["running", "stopping", "stopped"] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const agents = pgTable("agents", {
  /** `hostname-pid-random`, or GLOBALLM_AGENT_ID. */
  id: text("id").primaryKey(),
  hostname: text("hostname").notNull(),
  pid: integer("pid").notNull(),
  version: text("version"),
  status: text("status", { enum: agentStatuses }).notNull().default("running"),
  currentIssueId: bigint("current_issue_id", { mode: "number" }),
  startedAt: timestamp("started_at", { withTimezone: true }).notNull().defaultNow(),
  lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
  stoppedAt: timestamp("stopped_at", { withTimezone: true }),
});

export type Agent = typeof agents.$inferSelect;
export type NewAgent = typeof agents.$inferInsert;
