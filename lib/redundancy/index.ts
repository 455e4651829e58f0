/**
 * Redundancy: how much two projects overlap in purpose (and what to do about it), and which issues
 * report the same problem twice. See compare-projects.ts and duplicate-issues.ts.
 */
export {
  assertThreshold,
  type CompareOptions,
  compareProjects,
  DEFAULT_REDUNDANCY_THRESHOLD,
  type RedundancyPair,
  type RedundancyProject,
} from "./compare-projects";
export {
  DEFAULT_DUPLICATE_THRESHOLD,
  type DuplicateIssuePair,
  type DuplicateOptions,
  findDuplicateIssues,
  type IssueText,
} from "./duplicate-issues";
export { fetchReadme } from "./fetch-readme";
export { type LineProblem, parseProjectLines } from "./read-projects";
export { type Recommendation, recommendations } from "./recommend";
export { redundancyStorageEnabled, type StoredPair, saveRedundancyResults } from "./save-results";
export type { SimilaritySignals } from "./signals";
export { redundantPairs, type StoredRedundancy } from "./stored-pairs";
