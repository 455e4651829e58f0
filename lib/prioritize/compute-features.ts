import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { toDateOrNull } from "../db/raw-values";
import type { IssueCategory, IssueSeverity } from "../db/schema";
import { issueFeatures } from "./issue-features";

export interface CategorizeInput {
  id: number;
  title: string;
  body: string | null;
  labels: string[];
  repositoryId: number;
  updatedAt: Date | null;
}

export interface Categorized {
  category: IssueCategory;
  severity: IssueSeverity;
  confidence: number;
  source: string;
  /** One line a triager can check: which labels or words decided. */
  reason?: string;
}

/**
 * Categorizes a batch of issues, in order (labels first, then text, then optionally a model);
 * supplied by lib/issues/categorizer.ts. A batch, and async, so that it can load a repository's
 * labelled issues once and await a model.
 */
export type Categorize = (issues: CategorizeInput[]) => Promise<Categorized[]>;

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
    /** Only these issues (a triage change), measured again even when unchanged on GitHub. */
    issueIds?: number[];
    batchSize?: number;
    now?: Date;
    onProgress?: (done: number) => void;
  } = {},
): Promise<{ measured: number }> {
  const client = db.$client;
  const batch = options.batchSize ?? 2000;
  const keepUniqueness = options.issueIds !== undefined;
  let after = 0;
  let measured = 0;
  for (;;) {
    const rows = await client<Row[]>`
      select id, repository_id, title, body, labels, category, severity, category_source,
        (data->>'comments')::int as comments, github_created_at, github_updated_at
      from issues
      where id > ${after}
        ${
          options.issueIds
            ? client`and id = any(${options.issueIds}::bigint[])`
            : client`and (solvability is null or github_updated_at > coalesce((feature_reasons->>'at')::timestamptz, 'epoch'))`
        }
        ${options.repositoryId !== undefined ? client`and repository_id = ${options.repositoryId}` : client``}
      order by id limit ${batch}`;
    if (rows.length === 0) break;
    // A category set by a person (triage) is kept; the others are (re)categorized together.
    const toCategorize = options.categorize ? rows.filter((row) => row.category_source !== "triage") : [];
    const verdicts = new Map<string, Categorized>();
    if (options.categorize && toCategorize.length > 0) {
      const results = await options.categorize(
        toCategorize.map((row) => ({
          id: Number(row.id),
          title: row.title,
          body: row.body,
          labels: row.labels,
          repositoryId: Number(row.repository_id),
          updatedAt: toDateOrNull(row.github_updated_at),
        })),
      );
      for (const [k, row] of toCategorize.entries()) verdicts.set(String(row.id), results[k]!);
    }
    const values = rows.map((row) => {
      const categorized = verdicts.get(String(row.id)) ?? {
        category: row.category,
        severity: row.severity,
        confidence: row.category_source === "triage" ? 1 : null,
        source: row.category_source,
        reason: row.category_source === "triage" ? "re-categorized by a person" : undefined,
      };
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
        reasons: {
          ...features.reasons,
          ...(categorized.reason ? { category: categorized.reason } : {}),
          at: new Date().toISOString(),
        },
      };
    });
    await db.execute(sql`
      update issues i set category = v.category, severity = v.severity, category_confidence = v.confidence,
        category_source = v.source, solvability = v.solvability, urgency = v.urgency, low_value = v."lowValue",
        -- New or changed text must be compared again (lib/prioritize/uniqueness.ts); a triage change
        -- (chosen issues) leaves the text, so its duplicate verdict stands.
        uniqueness = case when ${keepUniqueness} then i.uniqueness end,
        feature_reasons = v.reasons || case when ${keepUniqueness}
          then jsonb_strip_nulls(jsonb_build_object('uniqueness', i.feature_reasons->'uniqueness')) else '{}'::jsonb end
      from jsonb_to_recordset(${JSON.stringify(values)}::jsonb) as v(id bigint, category text, severity text, confidence real, source text, solvability real, urgency real, "lowValue" boolean, reasons jsonb)
      where i.id = v.id`);
    measured += rows.length;
    after = Number(rows[rows.length - 1]!.id);
    options.onProgress?.(measured);
  }
  return { measured };
}
