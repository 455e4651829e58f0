import type { IssueCategory, IssueSeverity } from "../db/schema/issues";
import { keywordCategory, titleAsksAQuestion } from "./keyword-rules";
import { categorizeFromLabels, type LabelFlag } from "./labels";
import { severityOf } from "./severity";
import { shippedTextClassifier, type TextClassifier } from "./text-classifier";
import { issueFeatures } from "./text-features";

export interface IssueInput {
  title: string;
  body?: string | null;
  labels?: readonly string[];
}

export type ClassificationSource = "labels" | "text" | "llm";

export interface IssueClassification {
  category: IssueCategory;
  severity: IssueSeverity;
  /** 0..1: 1 for the repository's own labels, the model's probability for text. */
  confidence: number;
  source: ClassificationSource;
  /** One line a triager can check: which labels or words decided. */
  reason: string;
  /** Label flags such as `good-first-issue` or `duplicate`, for whoever ranks or hands out issues. */
  flags: LabelFlag[];
  /** The text model's probabilities, when it ran. */
  scores?: Partial<Record<IssueCategory, number>>;
}

export interface ClassifyOptions {
  /** Defaults to the shipped model; pass an adapted one to use a repository's own labels. */
  classifier?: TextClassifier;
}

// A title keyword is direct evidence but not proof ("Slow CI" may be a bug): sure, not certain.
const keywordConfidence = 0.75;

/**
 * Categorizes an issue offline: the repository's labels when they name a category, otherwise the
 * text classifier, with title keywords for the categories it was not trained on. Severity comes
 * from priority labels when present, otherwise from the text.
 */
export function classifyIssue(issue: IssueInput, options: ClassifyOptions = {}): IssueClassification {
  const labels = categorizeFromLabels(issue.labels ?? []);
  const severityFrom = (category: IssueCategory) => {
    if (labels.severity) return { severity: labels.severity, reason: "" };
    const verdict = severityOf(category, issue.title, issue.body);
    return { severity: verdict.severity, reason: `; ${verdict.severity}: ${verdict.reason}` };
  };
  if (labels.category) {
    const { severity, reason } = severityFrom(labels.category);
    return {
      category: labels.category,
      severity,
      confidence: 1,
      source: "labels",
      reason: `labelled ${labels.evidence.join(", ")}${reason}`,
      flags: labels.flags,
    };
  }

  const classifier = options.classifier ?? shippedTextClassifier();
  const probabilities = classifier.probabilities(
    issueFeatures(issue.title, issue.body, classifier.featureOptions),
  );
  const scores = Object.fromEntries(
    classifier.categories.map((category, k) => [category, round(probabilities[k]!)]),
  );
  const best = probabilities.indexOf(Math.max(...probabilities));
  const predicted = classifier.categories[best]!;
  const keyword = keywordCategory(issue.title);
  const useKeyword =
    keyword !== undefined &&
    keyword !== predicted &&
    !(predicted === "question" && titleAsksAQuestion(issue.title));
  const category = useKeyword ? keyword : predicted;
  const { severity, reason } = severityFrom(category);
  return {
    category,
    severity,
    confidence: round(useKeyword ? keywordConfidence : probabilities[best]!),
    source: "text",
    reason: `${useKeyword ? `title names ${keyword} work` : `text reads as ${predicted}`}${reason}${
      labels.severity ? `; labelled ${labels.evidence.join(", ")}` : ""
    }`,
    flags: labels.flags,
    scores,
  };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
