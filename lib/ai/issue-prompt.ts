import { Output } from "ai";
import { z } from "zod";
import type { IssueClassification, IssueInput } from "../classify/classify-issue";
import { issueCategories, issueSeverities } from "../db/schema/issues";
import type { ModelProvider } from "./model-settings";

/** The structured answer asked of the model. The reason has no length limit (not every strict JSON-schema mode accepts one); it is trimmed after. */
export const issueVerdictSchema = z.object({
  category: z.enum(issueCategories),
  severity: z.enum(issueSeverities),
  confidence: z.number().min(0).max(1),
  reason: z.string(),
});

/**
 * The structured output to ask for. OpenAI-compatible servers get plain JSON mode: not all of them
 * accept a JSON schema, and the AI SDK would warn on every call as it dropped it. The system prompt
 * spells the fields out, and the answer is checked against the schema all the same.
 */
export function issueVerdictOutput(provider: ModelProvider) {
  const output = Output.object({ schema: issueVerdictSchema, name: "issue_category" });
  return provider === "openai-compatible"
    ? { ...output, responseFormat: Promise.resolve({ type: "json" as const }) }
    : output;
}

// Enough for a report's description, reproduction and error line; the rest is mostly logs, and
// every byte of prompt is reserved from the budget before the call.
export const maxBodyChars = 4000;

// Reason lines are shown in tables next to the category: one line, about a sentence.
const maxReasonChars = 160;

export const issueSystemPrompt = `You categorize GitHub issues for a team that decides which open-source work to fund.
Answer with one JSON object with exactly these fields:
- "category": one of ${issueCategories.join(", ")}. bug: something is broken or wrong; feature: new capability or enhancement; documentation: docs, examples, typos in docs; performance: slow, memory, size; security: vulnerabilities, unsafe defaults; question: the reporter asks for help or information; refactor: internal cleanup without behaviour change; tests: test coverage, flaky or broken tests, CI; other: none of these.
- "severity": one of ${issueSeverities.join(", ")}. critical: security hole, data loss, or a crash for most users; high: a main feature broken with no workaround; medium: broken with a workaround, or a useful feature; low: cosmetic, minor, nice to have.
- "confidence": a number from 0 to 1, your probability that the category is right.
- "reason": one short line (at most 15 words) naming what in the issue decided.
An offline classifier's guess is included; it is often wrong when its confidence is low.`;

/** The issue as the model reads it: title, labels, the body cut to a budget, the offline guess. */
export function issuePrompt(issue: IssueInput, offline: IssueClassification): string {
  const labels = issue.labels?.length ? issue.labels.join(", ") : "(none)";
  return [
    `Title: ${issue.title}`,
    `Labels: ${labels}`,
    "Body:",
    promptBody(issue.body ?? ""),
    "",
    `Offline guess: ${offline.category}, severity ${offline.severity}, confidence ${offline.confidence} (${offline.reason}).`,
  ].join("\n");
}

/** Template comments and runs of blank lines removed, then cut at a word before `maxBodyChars`. */
export function promptBody(body: string): string {
  const text = body
    .replace(/<!--[\s\S]*?-->/g, "")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  if (text.length === 0) return "(empty)";
  if (text.length <= maxBodyChars) return text;
  const cut = text.slice(0, maxBodyChars);
  const end = cut.search(/\s\S*$/);
  const kept = end > maxBodyChars / 2 ? cut.slice(0, end) : cut;
  return `${kept} […${text.length - kept.length} more characters]`;
}

/** The model's reason as one short line. */
export function reasonLine(reason: string): string {
  const line = reason.replace(/\s+/g, " ").trim();
  return line.length <= maxReasonChars ? line : `${line.slice(0, maxReasonChars - 1)}…`;
}
