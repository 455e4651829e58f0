/** Issue categorization: labels first, then the offline text classifier, then (optionally) a model. */
export { adaptClassifier } from "./adapt";
export {
  type ClassifyOptions,
  classifyIssue,
  type IssueClassification,
  type IssueInput,
} from "./classify-issue";
export { classifyRepositoryIssues, labelledExamples, repositoryClassifier } from "./classify-repository";
export {
  categorizeFromLabels,
  type LabelFlag,
  type LabelKind,
  type NormalizedLabel,
  normalizeLabel,
} from "./labels";
export { classifyIssueWithModel, type IssueModelClassifier, type ModelVerdict } from "./model-step";
export { severityOf } from "./severity";
export {
  createTextClassifier,
  scoreIssueText,
  shippedTextClassifier,
  type TextClassifier,
} from "./text-classifier";
export type { LabelledIssue } from "./train-text-model";
