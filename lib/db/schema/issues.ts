import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  real,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { repositories } from "./repositories";

export const assignmentStatuses = ["available", "assigned", "completed", "failed"] as const;
export type AssignmentStatus = (typeof assignmentStatuses)[number];

export const issueCategories = [
  "bug",
  "feature",
  "documentation",
  "performance",
  "security",
  "question",
  "refactor",
  "tests",
  "other",
] as const;
export type IssueCategory = (typeof issueCategories)[number];

export const issueSeverities = ["critical", "high", "medium", "low"] as const;
export type IssueSeverity = (typeof issueSeverities)[number];

export const issues = pgTable(
  "issues",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    repositoryId: bigint("repository_id", { mode: "number" })
      .notNull()
      .references(() => repositories.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    title: text("title").notNull(),
    body: text("body"),
    url: text("url"),
    state: text("state", { enum: ["open", "closed"] })
      .notNull()
      .default("open"),
    labels: text("labels").array().notNull().default(sql`'{}'::text[]`),
    category: text("category", { enum: issueCategories }),
    severity: text("severity", { enum: issueSeverities }),
    /*
     * What prioritization needs from an issue's text, labels and activity, computed once when the
     * issue is fetched or re-categorized (lib/prioritize/issue-features.ts). Re-prioritizing after a
     * weight change then only combines columns into issue_ranks, whatever the number of issues.
     */
    solvability: real("solvability"),
    urgency: real("urgency"),
    /** 1 = unique; lower when the issue duplicates another or its repository is redundant. */
    uniqueness: real("uniqueness"),
    /** Lint, formatting, typo or style-only work: ranked low unless configured otherwise. */
    lowValue: boolean("low_value").notNull().default(false),
    /** Why solvability, urgency and uniqueness are what they are (one short sentence each). */
    featureReasons: jsonb("feature_reasons"),
    categoryConfidence: real("category_confidence"),
    /** labels, text, llm, or triage (re-categorized by a person). */
    categorySource: text("category_source"),
    /** Pinned issues are claimed first; skipped ones are never handed out. */
    pinned: boolean("pinned").notNull().default(false),
    skipped: boolean("skipped").notNull().default(false),
    hasLinkedPr: boolean("has_linked_pr").notNull().default(false),
    hasHumanAssignee: boolean("has_human_assignee").notNull().default(false),
    githubCreatedAt: timestamp("github_created_at", { withTimezone: true }),
    githubUpdatedAt: timestamp("github_updated_at", { withTimezone: true }),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    assignmentStatus: text("assignment_status", { enum: assignmentStatuses }).notNull().default("available"),
    assignedTo: text("assigned_to"),
    assignedAt: timestamp("assigned_at", { withTimezone: true }),
    /** A fresh token per claim: only its holder may heartbeat, complete or fail the issue. */
    leaseToken: uuid("lease_token"),
    leaseExpiresAt: timestamp("lease_expires_at", { withTimezone: true }),
    lastHeartbeatAt: timestamp("last_heartbeat_at", { withTimezone: true }),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    /** A failed issue is not claimable again before this time (backoff). */
    availableAfter: timestamp("available_after", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    data: jsonb("data"),
  },
  (table) => [
    uniqueIndex("issues_repository_number_idx").on(table.repositoryId, table.number),
    index("issues_assignment_status_idx").on(table.assignmentStatus),
    index("issues_assigned_to_idx").on(table.assignedTo),
    index("issues_category_idx").on(table.category),
    // Serve the Issues page sorted by when an issue changed or was opened on GitHub, in every view:
    // forwards for newest first, backwards for oldest first, and `is null` for the undated rest.
    index("issues_github_updated_idx").on(table.githubUpdatedAt.desc().nullsLast(), table.id),
    index("issues_github_created_idx").on(table.githubCreatedAt.desc().nullsLast(), table.id),
    index("issues_lease_expires_idx")
      .on(table.leaseExpiresAt)
      .where(sql`${table.assignmentStatus} = 'assigned'`),
  ],
);

export type Issue = typeof issues.$inferSelect;
export type NewIssue = typeof issues.$inferInsert;
