import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { toDateOrNull } from "../db/raw-values";
import type { IssueCategory, IssueSeverity } from "../db/schema";
import { issueFeatures } from "./issue-features";

/** Categorizes one issue (labels first, then text); supplied by lib/classify. */
export type Categorize = (issue: {
  title: string;
  body: string | null;
  labels: string[];
  repositoryId: number;
}) => {
  category: IssueCategory;
  severity: IssueSeverity;
  confidence: number;
  source: string;
};

interface Row {
  id: string;
  repository_id: string;
  title: string;
  body: string | null;
  labels: string[];
  category: IssueCategory | null;
  severity: IssueSeverity | null;
  category_source: string | null;
  comments: number | null;
  // Drizzle's postgres.js client hands timestamps over as text.
  github_created_at: string | Date | null;
  github_updated_at: string | Date | null;
}

/**
 * Categorizes and measures the issues that need it: never measured, or changed on GitHub since.
 * A category set by a person (triage) is kept. Batched by id so memory stays flat.
 */
export async function computeIssueFeatures(
  db: Database,
  options: {
    categorize?: Categorize;
    repositoryId?: number;
    batchSize?: number;
    now?: Date;
    onProgress?: (done: number) => void;
  } = {},
): Promise<{ measured: number }> {
  const client = db.$client;
  const batch = options.batchSize ?? 2000;
  let after = 0;
  let measured = 0;
  for (;;) {
    const rows = await client<Row[]>`
      select id, repository_id, title, body, labels, category, severity, category_source,
        (data->>'comments')::int as comments, github_created_at, github_updated_at
      from issues
      where id > ${after} and (solvability is null or github_updated_at > coalesce((feature_reasons->>'at')::timestamptz, 'epoch'))
        ${options.repositoryId !== undefined ? client`and repository_id = ${options.repositoryId}` : client``}
      order by id limit ${batch}`;
    if (rows.length === 0) break;
    const values = rows.map((row) => {
      const categorized =
        row.category_source === "triage" || !options.categorize
          ? { category: row.category, severity: row.severity, confidence: null, source: row.category_source }
          : options.categorize({
              title: row.title,
              body: row.body,
              labels: row.labels,
              repositoryId: Number(row.repository_id),
            });
      const features = issueFeatures(
        {
          title: row.title,
          body: row.body,
          labels: row.labels,
          category: categorized.category,
          severity: categorized.severity,
          comments: row.comments ?? 0,
          createdAt: toDateOrNull(row.github_created_at),
          updatedAt: toDateOrNull(row.github_updated_at),
        },
        options.now,
      );
      return {
        id: Number(row.id),
        category: categorized.category,
        severity: categorized.severity,
        confidence: categorized.confidence,
        source: categorized.source,
        solvability: features.solvability,
        urgency: features.urgency,
        lowValue: features.lowValue,
        reasons: { ...features.reasons, at: new Date().toISOString() },
      };
    });
    await db.execute(sql`
      update issues i set category = v.category, severity = v.severity, category_confidence = v.confidence,
        category_source = v.source, solvability = v.solvability, urgency = v.urgency, low_value = v."lowValue",
        feature_reasons = v.reasons
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id bigint, category text, severity text, confidence real, source text, solvability real, urgency real, "lowValue" boolean, reasons jsonb)
      where i.id = v.id`);
    measured += rows.length;
    after = Number(rows[rows.length - 1]!.id);
    options.onProgress?.(measured);
  }
  return { measured };
}
