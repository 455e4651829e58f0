import { type CombinedScore, combine, type Factor } from "./factors";
import {
  commitActivity,
  continuousIntegration,
  documentation,
  issueResolution,
  type Measure,
  pullRequestMerging,
  releases,
} from "./health-factors";
import type { RepositorySignals } from "./signals";
import type { HealthFactorName, HealthWeights } from "./weights";

export interface HealthScore extends CombinedScore {
  archived: boolean;
}

const measures: Record<HealthFactorName, (signals: RepositorySignals, now: Date) => Measure> = {
  commit_activity: commitActivity,
  issue_resolution: issueResolution,
  pr_merge: pullRequestMerging,
  ci: continuousIntegration,
  releases,
  documentation,
};

/**
 * How well maintained a repository is, 0..1, from six factors weighted by
 * `weights.health.*`. Unmeasurable factors are left out and the weights renormalised.
 */
export function healthScore(signals: RepositorySignals, weights: HealthWeights, now: Date): HealthScore {
  const factors: Factor[] = Object.entries(measures).map(([name, measure]) => ({
    name,
    weight: weights[name as HealthFactorName],
    ...measure(signals, now),
  }));
  const combined = combine(factors);
  if (signals.isArchived) {
    // The factors stay visible for context, but nobody can land a fix in a read-only repository.
    return {
      ...combined,
      score: 0,
      archived: true,
      reason:
        "Archived by its owners: the repository is read-only, so it cannot be maintained here (health 0).",
    };
  }
  return { ...combined, archived: false };
}
