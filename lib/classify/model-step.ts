import type { IssueCategory, IssueSeverity } from "../db/schema/issues";
import {
  type ClassifyOptions,
  classifyIssue,
  type IssueClassification,
  type IssueInput,
} from "./classify-issue";

/** What a model step returns; `undefined` when it declines (no model configured, budget spent, …). */
export interface ModelVerdict {
  category: IssueCategory;
  severity: IssueSeverity;
  confidence: number;
  reason?: string;
}

/**
 * An issue as the model step sees it: its text, and which version of which stored issue it is —
 * a verdict is cached per issue, `updatedAt` and model, and charged to the issue's repository.
 */
export interface ModelIssueInput extends IssueInput {
  id: number;
  repositoryId: number;
  updatedAt: Date | null;
}

/**
 * The third step of categorization: an LLM with structured output, when one is configured. It sees
 * the issue and the offline verdict (to show or to improve on). Caching per issue and `updated_at`,
 * and charging the budget, belong to the implementation, which lives with the model code
 * (lib/ai/issue-classifier.ts).
 */
export interface IssueModelClassifier {
  classify(issue: ModelIssueInput, offline: IssueClassification): Promise<ModelVerdict | undefined>;
}

export interface ClassifyWithModelOptions extends ClassifyOptions {
  model?: IssueModelClassifier;
  /** Only text verdicts below this confidence go to the model (default: all of them). */
  modelBelowConfidence?: number;
}

/**
 * Labels, then the offline classifier, then the model step. The repository's own labels are never
 * second-guessed; errors of the model step propagate (its implementation knows whether to retry).
 */
export async function classifyIssueWithModel(
  issue: ModelIssueInput,
  options: ClassifyWithModelOptions,
): Promise<IssueClassification> {
  const offline = classifyIssue(issue, options);
  if (offline.source === "labels" || !options.model) return offline;
  if (offline.confidence >= (options.modelBelowConfidence ?? Number.POSITIVE_INFINITY)) return offline;
  const verdict = await options.model.classify(issue, offline);
  if (!verdict) return offline;
  return {
    ...offline,
    category: verdict.category,
    severity: verdict.severity,
    confidence: verdict.confidence,
    source: "llm",
    reason: verdict.reason ?? `model reads it as ${verdict.category}`,
  };
}
