import type { IssueInput } from "./classify-issue";

/** One issue of a JSONL export, with the fields a user may want echoed back. */
export interface IssueLine extends IssueInput {
  /** The 1-based line number in the file. */
  line: number;
  id?: unknown;
  /** Issues of the same repository teach each other (see classifyRepositoryIssues). */
  repository?: string;
}

export interface ParsedIssueLines {
  issues: IssueLine[];
  problems: { line: number; message: string }[];
}

/**
 * Reads JSON Lines of `{title, body?, labels?, id?, repository?}`. Labels may be names or GitHub's
 * label objects (`{"name": "bug"}`). Blank lines are skipped; any other bad line is reported with
 * its number and the rest are still read.
 */
export function parseIssueLines(text: string): ParsedIssueLines {
  const issues: IssueLine[] = [];
  const problems: ParsedIssueLines["problems"] = [];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: "not valid JSON" });
      return;
    }
    const problem = check(value);
    if (problem) {
      problems.push({ line, message: problem });
      return;
    }
    const record = value as Record<string, unknown>;
    issues.push({
      line,
      title: record.title as string,
      body: (record.body as string | null | undefined) ?? null,
      labels: ((record.labels as unknown[] | undefined) ?? []).map(labelName),
      ...("id" in record ? { id: record.id } : {}),
      ...(typeof record.repository === "string" ? { repository: record.repository } : {}),
    });
  });
  return { issues, problems };
}

function check(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return "expected a JSON object";
  const record = value as Record<string, unknown>;
  if (typeof record.title !== "string") return "`title` must be a string";
  if (record.body !== undefined && record.body !== null && typeof record.body !== "string")
    return "`body` must be a string or null";
  if (record.labels !== undefined && !(Array.isArray(record.labels) && record.labels.every(isLabel)))
    return '`labels` must be a list of names or {"name": …} objects';
  return undefined;
}

function isLabel(label: unknown): boolean {
  return (
    typeof label === "string" ||
    (typeof label === "object" && label !== null && typeof (label as { name?: unknown }).name === "string")
  );
}

function labelName(label: unknown): string {
  return typeof label === "string" ? label : (label as { name: string }).name;
}
