import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { type IssueCategory, issueCategories } from "../db/schema/issues";
import { parseCsvRecords } from "../scoring/csv";
import { normalizeLabel } from "./labels";
import type { LabelledIssue } from "./train-text-model";

export interface LabelledIssueFile {
  issues: LabelledIssue[];
  sha256: string;
}

/**
 * Reads labelled issues from a CSV with `title`, `body`, `label` and optionally `repo` columns,
 * such as the NLBSE'24 tool-competition file (`repo,created_at,label,title,body`). A label that is
 * not one of our categories is read like a GitHub label (`enhancement` → feature).
 */
export function readLabelledIssues(path: string): LabelledIssueFile {
  const bytes = readFileSync(path);
  const issues = parseCsvRecords(bytes.toString("utf8")).map((record, row) => {
    const category = categoryOf(record.label ?? "");
    if (!category)
      throw new Error(`${path} row ${row + 2}: label ${JSON.stringify(record.label)} is no category`);
    return {
      title: record.title ?? "",
      body: record.body ?? "",
      category,
      ...(record.repo ? { repository: record.repo } : {}),
    };
  });
  return { issues, sha256: createHash("sha256").update(bytes).digest("hex") };
}

function categoryOf(label: string): IssueCategory | undefined {
  const lowered = label.trim().toLowerCase();
  if ((issueCategories as readonly string[]).includes(lowered)) return lowered as IssueCategory;
  return normalizeLabel(label).category;
}
