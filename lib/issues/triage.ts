import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { events, type IssueCategory, type IssueSeverity, issueRanks, issues } from "../db/schema";
import { AppError } from "../errors";
import { computeIssueFeatures } from "../prioritize/compute-features";
import type { PrioritizeSettings } from "../prioritize/prioritize-settings";
import { rankColumns, rankJoin, readRank } from "../prioritize/priority-breakdown";
import { RANKS_LOCK, reprioritize } from "../prioritize/reprioritize";
import { unrankedColumns, unrankedReason } from "../prioritize/unranked-reason";

/**
 * A person's hand on the queue: pin (claimed before anything else), skip (never handed out) and
 * re-categorize (kept over the classifier from then on). Each change is one audited event.
 */
export const triageActions = [
  "issue.pinned",
  "issue.unpinned",
  "issue.skipped",
  "issue.unskipped",
  "issue.recategorized",
] as const;
export type TriageAction = (typeof triageActions)[number];

export interface QueueFlagsChange {
  issueId: number;
  pinned: boolean;
  skipped: boolean;
  /** False when the issue already was that way: nothing written, no event. */
  changed: boolean;
}

type Flag = "pinned" | "skipped";

const flagActions: Record<Flag, { on: TriageAction; off: TriageAction }> = {
  pinned: { on: "issue.pinned", off: "issue.unpinned" },
  skipped: { on: "issue.skipped", off: "issue.unskipped" },
};

/**
 * Pinning puts an issue first in the claim order (lib/assign/claim-next-issue.ts orders by pinned,
 * then priority); skipping keeps it from agents. The two exclude each other: pinning an issue
 * takes back its skip, and skipping it takes back its pin.
 */
export function setIssuePinned(db: Database, issueId: number, pinned: boolean, actor: string) {
  return setQueueFlag(db, issueId, "pinned", pinned, actor);
}

export function setIssueSkipped(db: Database, issueId: number, skipped: boolean, actor: string) {
  return setQueueFlag(db, issueId, "skipped", skipped, actor);
}

async function setQueueFlag(
  db: Database,
  issueId: number,
  flag: Flag,
  on: boolean,
  actor: string,
): Promise<QueueFlagsChange> {
  return db.transaction(async (tx) => {
    // Before any other lock: a full prioritization holds this while it swaps the ranking in, and
    // the issue's rank row carries the pin (see lib/prioritize/reprioritize.ts).
    await tx.execute(sql`select pg_advisory_xact_lock_shared(${RANKS_LOCK})`);
    const [before] = await tx
      .select({ pinned: issues.pinned, skipped: issues.skipped })
      .from(issues)
      .where(eq(issues.id, issueId))
      .for("update");
    if (!before) throw issueNotFound(issueId);
    const other: Flag = flag === "pinned" ? "skipped" : "pinned";
    const after = { ...before, [flag]: on, ...(on ? { [other]: false } : {}) };
    if (after.pinned === before.pinned && after.skipped === before.skipped) {
      return { issueId, ...before, changed: false };
    }
    await tx
      .update(issues)
      .set({ ...after, updatedAt: new Date() })
      .where(eq(issues.id, issueId));
    await tx.update(issueRanks).set({ pinned: after.pinned }).where(eq(issueRanks.issueId, issueId));
    await tx.insert(events).values({
      actor,
      action: flagActions[flag][on ? "on" : "off"],
      subjectType: "issue",
      subjectId: String(issueId),
      data: { before, after },
    });
    return { issueId, ...after, changed: true };
  });
}

export interface RecategorizeInput {
  issueId: number;
  category: IssueCategory;
  /** Left as it is when not given. */
  severity?: IssueSeverity;
  actor: string;
  /** The team's weights, style demotion and languages: the issue is ranked again with them. */
  prioritize: PrioritizeSettings;
}

export interface RecategorizeResult {
  issueId: number;
  category: IssueCategory;
  severity: IssueSeverity | null;
  before: { category: IssueCategory | null; severity: IssueSeverity | null; priority: number | null };
  priority: number | null;
  priorityReason: string | null;
}

/**
 * Sets an issue's category (and severity) as a person decided, audited; then measures the issue
 * again (solvability, urgency and style-only work follow from the category) and ranks it with the
 * current weights, so the claim order reflects the change at once. The category stays the
 * person's: later prioritization runs keep a `triage` category.
 */
export async function recategorizeIssue(db: Database, input: RecategorizeInput): Promise<RecategorizeResult> {
  const { weights } = input.prioritize;
  if (!(weights.health + weights.impact + weights.solvability + weights.urgency + weights.uniqueness > 0)) {
    throw new AppError("bad_request:settings", "The priority weights are all 0, so no issue can be ranked.", {
      hint: "Give at least one of weights.priority.* a weight above 0 (Settings → Weights and thresholds).",
    });
  }
  const before = await db.transaction(async (tx) => {
    const [row] = await tx
      .select({ category: issues.category, severity: issues.severity, priority: issueRanks.priority })
      .from(issues)
      .leftJoin(issueRanks, eq(issueRanks.issueId, issues.id))
      .where(eq(issues.id, input.issueId))
      .for("update", { of: issues });
    if (!row) throw issueNotFound(input.issueId);
    const severity = input.severity ?? row.severity;
    await tx
      .update(issues)
      .set({
        category: input.category,
        severity,
        categorySource: "triage",
        categoryConfidence: 1,
        updatedAt: new Date(),
      })
      .where(eq(issues.id, input.issueId));
    await tx.insert(events).values({
      actor: input.actor,
      action: "issue.recategorized" satisfies TriageAction,
      subjectType: "issue",
      subjectId: String(input.issueId),
      data: {
        before: { category: row.category, severity: row.severity },
        after: { category: input.category, severity },
      },
    });
    return row;
  });
  // Outside the transaction: both steps are idempotent, and the next prioritization would redo them.
  await computeIssueFeatures(db, { issueIds: [input.issueId] });
  await reprioritize(db, { ...input.prioritize, issueIds: [input.issueId] });
  const client = db.$client;
  const [after] = await client`
    select i.category, i.severity, ${rankColumns(client)}, ${unrankedColumns(client)}
    from issues i join repositories r on r.id = i.repository_id ${rankJoin(client)}
    where i.id = ${input.issueId}`;
  const rank = after ? readRank(after) : null;
  return {
    issueId: input.issueId,
    category: (after?.category as IssueCategory | undefined) ?? input.category,
    severity: (after?.severity as IssueSeverity | null | undefined) ?? null,
    before,
    priority: rank?.priority ?? null,
    priorityReason: rank?.reason ?? (after ? unrankedReason(after) : null),
  };
}

function issueNotFound(issueId: number): AppError {
  return new AppError("not_found:issue", `Issue ${issueId} is not in the store.`, {
    hint: "It may have been removed with its repository; reload the page.",
  });
}
