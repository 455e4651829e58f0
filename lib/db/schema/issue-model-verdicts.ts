import { bigint, bigserial, pgTable, real, text, timestamp, uniqueIndex } from "drizzle-orm/pg-core";
import { issueCategories, issueSeverities, issues } from "./issues";

/**
 * What a model said about one version of an issue (lib/ai/issue-classifier.ts): the verdict is
 * paid for once per issue, GitHub `updated_at` and model. An edited issue is asked again, and its
 * older verdicts from that model are then deleted.
 */
export const issueModelVerdicts = pgTable(
  "issue_model_verdicts",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    issueId: bigint("issue_id", { mode: "number" })
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    issueUpdatedAt: timestamp("issue_updated_at", { withTimezone: true }).notNull(),
    model: text("model").notNull(),
    category: text("category", { enum: issueCategories }).notNull(),
    severity: text("severity", { enum: issueSeverities }).notNull(),
    confidence: real("confidence").notNull(),
    reason: text("reason"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    uniqueIndex("issue_model_verdicts_version_idx").on(table.issueId, table.issueUpdatedAt, table.model),
  ],
);

export type IssueModelVerdictRow = typeof issueModelVerdicts.$inferSelect;
export type NewIssueModelVerdictRow = typeof issueModelVerdicts.$inferInsert;
