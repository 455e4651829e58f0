import { and, eq } from "drizzle-orm";
import type { ModelIssueInput, ModelVerdict } from "../classify/model-step";
import type { Database } from "../db/client";
import { issueModelVerdicts } from "../db/schema";

/** Which answer is wanted: this version of this issue, from this model. */
type VerdictKey = Pick<ModelIssueInput, "id"> & { updatedAt: Date; model: string };

/** The model's verdict on exactly this version of the issue, if it was already paid for. */
export async function cachedVerdict(db: Database, key: VerdictKey): Promise<ModelVerdict | undefined> {
  const [row] = await db
    .select({
      category: issueModelVerdicts.category,
      severity: issueModelVerdicts.severity,
      confidence: issueModelVerdicts.confidence,
      reason: issueModelVerdicts.reason,
    })
    .from(issueModelVerdicts)
    .where(
      and(
        eq(issueModelVerdicts.issueId, key.id),
        eq(issueModelVerdicts.issueUpdatedAt, key.updatedAt),
        eq(issueModelVerdicts.model, key.model),
      ),
    )
    .limit(1);
  return row ? { ...row, reason: row.reason ?? undefined } : undefined;
}

/**
 * Keeps a verdict for this version of the issue and drops the model's verdicts on older versions
 * (nothing reads them again), in one statement. Two runs storing an answer at once keep the first;
 * an issue deleted while the model was thinking stores nothing.
 */
export async function storeVerdict(db: Database, key: VerdictKey, verdict: ModelVerdict): Promise<void> {
  // Drizzle's postgres.js client serializes no Date parameters: timestamps go as ISO text.
  const version = key.updatedAt.toISOString();
  await db.$client`
    with stored as (
      insert into issue_model_verdicts (issue_id, issue_updated_at, model, category, severity, confidence, reason)
      select id, ${version}::timestamptz, ${key.model}, ${verdict.category}, ${verdict.severity},
        ${verdict.confidence}, ${verdict.reason ?? null}
      from issues where id = ${key.id}
      on conflict do nothing
    )
    delete from issue_model_verdicts
    where issue_id = ${key.id} and model = ${key.model} and issue_updated_at < ${version}::timestamptz`;
}
