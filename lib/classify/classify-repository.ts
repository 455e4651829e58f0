import type { IssueCategory } from "../db/schema/issues";
import { adaptClassifier } from "./adapt";
import {
  type ClassifyOptions,
  classifyIssue,
  type IssueClassification,
  type IssueInput,
} from "./classify-issue";
import { categorizeFromLabels } from "./labels";
import { shippedTextClassifier, type TextClassifier } from "./text-classifier";
import type { LabelledIssue } from "./train-text-model";

/**
 * Labelled issues are a biased sample when a repository labels only some kinds (many label bugs and
 * nothing else): learning from them would push every unlabelled issue towards "bug". So a
 * repository teaches only when its labels show at least two categories with a few issues each.
 */
const minimumCategories = 2;
const minimumPerCategory = 3;

/** The issues whose labels name a category, as training examples. */
export function labelledExamples(issues: readonly IssueInput[]): LabelledIssue[] {
  return issues.flatMap((issue) => {
    const category = categorizeFromLabels(issue.labels ?? []).category;
    return category ? [{ title: issue.title, body: issue.body, category }] : [];
  });
}

/** The classifier adapted to one repository's labelled issues, or the given one when they are too few. */
export function repositoryClassifier(
  issues: readonly IssueInput[],
  classifier: TextClassifier = shippedTextClassifier(),
): { classifier: TextClassifier; learnedFrom: number } {
  const examples = labelledExamples(issues);
  const counts = new Map<IssueCategory, number>();
  for (const example of examples) counts.set(example.category, (counts.get(example.category) ?? 0) + 1);
  const enough =
    [...counts.values()].filter((count) => count >= minimumPerCategory).length >= minimumCategories;
  return enough
    ? { classifier: adaptClassifier(classifier, examples), learnedFrom: examples.length }
    : { classifier, learnedFrom: 0 };
}

/**
 * Classifies all issues of one repository: labelled ones by their labels, the others by the text
 * classifier after it has learned from the labelled ones.
 */
export function classifyRepositoryIssues(
  issues: readonly IssueInput[],
  options: ClassifyOptions = {},
): IssueClassification[] {
  const { classifier } = repositoryClassifier(issues, options.classifier);
  return issues.map((issue) => classifyIssue(issue, { classifier }));
}
