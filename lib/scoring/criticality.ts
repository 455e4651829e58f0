import { daysSince } from "./saturate";
import type { RepositorySignals } from "./signals";

/**
 * OpenSSF criticality_score v1 (ossf/criticality_score, run.py at v1.0.7): each input S with
 * weight w and threshold T contributes w·log(1+S)/log(1+max(S,T)), and the sum is divided by the
 * SIGNED weight total (8.5 — updated_since counts −1, so staleness lowers the score rather than
 * being a separate penalty). Reproduces every published score in ../shared/data/criticality.
 */
export const criticalityParameters = {
  created_since: { weight: 1, threshold: 120 },
  updated_since: { weight: -1, threshold: 120 },
  contributor_count: { weight: 2, threshold: 5000 },
  org_count: { weight: 1, threshold: 10 },
  commit_frequency: { weight: 1, threshold: 1000 },
  recent_releases_count: { weight: 0.5, threshold: 26 },
  closed_issues_count: { weight: 0.5, threshold: 5000 },
  updated_issues_count: { weight: 0.5, threshold: 5000 },
  comment_frequency: { weight: 1, threshold: 15 },
  dependents_count: { weight: 2, threshold: 500_000 },
} as const;

export type CriticalityInput = keyof typeof criticalityParameters;
export type CriticalityInputs = Record<CriticalityInput, number>;

export const criticalityInputNames = Object.keys(criticalityParameters) as CriticalityInput[];

function term(input: CriticalityInput, value: number): number {
  const { weight, threshold } = criticalityParameters[input];
  return (weight * Math.log(1 + value)) / Math.log(1 + Math.max(value, threshold));
}

/** The v1 score over all ten inputs, unrounded (v1 printed `round(score, 5)`; see `roundLikeV1`). */
export function criticalityScore(inputs: CriticalityInputs): number {
  let sum = 0;
  let totalWeight = 0;
  for (const input of criticalityInputNames) {
    sum += term(input, inputs[input]);
    totalWeight += criticalityParameters[input].weight;
  }
  return sum / totalWeight;
}

/** v1 published Python's round(score, 5). */
export function roundLikeV1(score: number): number {
  return roundHalfEven(score, 5);
}

export interface PartialCriticality {
  /** Null when no input with positive weight is known (the signed total would be ≤ 0). */
  score: number | null;
  used: CriticalityInput[];
  excluded: CriticalityInput[];
}

/**
 * The v1 formula over the inputs that are known: unknown (null/undefined) inputs are left out and
 * the sum is divided by the signed total of the remaining weights. With all ten known this is
 * exactly `criticalityScore`.
 */
export function partialCriticalityScore(
  inputs: Partial<Record<CriticalityInput, number | null>>,
): PartialCriticality {
  const used: CriticalityInput[] = [];
  const excluded: CriticalityInput[] = [];
  let sum = 0;
  let totalWeight = 0;
  for (const input of criticalityInputNames) {
    const value = inputs[input];
    if (value === null || value === undefined || !Number.isFinite(value)) {
      excluded.push(input);
      continue;
    }
    used.push(input);
    sum += term(input, value);
    totalWeight += criticalityParameters[input].weight;
  }
  // Only updated_since is negative: with too few positive inputs the ratio is meaningless (or ÷0).
  if (totalWeight <= 0) return { score: null, used, excluded };
  return { score: sum / totalWeight, used, excluded };
}

export interface CriticalityFromSignals extends PartialCriticality {
  /** The value fed into the formula for each used input. */
  inputs: Partial<CriticalityInputs>;
  /** Where an input came from when that is not obvious (approximations, fallbacks). */
  notes: string[];
}

/**
 * Maps GlobaLLM's signals onto the v1 inputs, measured the way v1 measured them (whole months as
 * Python's round(days/30), weekly commits rounded to 0.1).
 */
export function criticalityFromSignals(signals: RepositorySignals, now: Date): CriticalityFromSignals {
  const notes: string[] = [];
  const months = (iso: string | null) => {
    const days = daysSince(iso, now);
    return days === null ? null : roundHalfEven(Math.max(0, Math.floor(days)) / 30, 0);
  };

  let updatedSince = months(signals.lastCommitAt);
  if (updatedSince === null && signals.pushedAt) {
    updatedSince = months(signals.pushedAt);
    if (updatedSince !== null) notes.push("updated_since from the last push (last commit date unknown)");
  }

  // v1 counted mentions of the repository in commit messages (a GitHub search no longer offered);
  // criticality_score v2 replaced that with deps.dev's dependent count (direct + transitive), as we do.
  let dependents = signals.dependents.total;
  if (dependents === null && signals.dependents.direct !== null) {
    dependents = signals.dependents.direct;
    notes.push("dependents_count from direct dependents only (total unknown), a lower bound");
  }

  const { commits, issues } = signals;
  const inputs: Record<CriticalityInput, number | null> = {
    created_since: months(signals.createdAt),
    updated_since: updatedSince,
    contributor_count: signals.contributors,
    org_count: signals.contributorOrgs,
    commit_frequency: commits.last365 === null ? null : roundHalfEven(commits.last365 / 52, 1),
    recent_releases_count: signals.releases.last365,
    closed_issues_count: issues.closedLast90,
    updated_issues_count: issues.updatedLast90,
    comment_frequency: issues.commentFrequency,
    dependents_count: dependents,
  };
  const partial = partialCriticalityScore(inputs);
  const used = Object.fromEntries(
    partial.used.map((input) => [input, inputs[input]]),
  ) as Partial<CriticalityInputs>;
  return { ...partial, inputs: used, notes };
}

/** Python 3's round(): ties go to the even neighbour (round(0.25, 1) is 0.2). */
function roundHalfEven(x: number, digits: number): number {
  const scale = 10 ** digits;
  const scaled = x * scale;
  const floor = Math.floor(scaled);
  const diff = scaled - floor;
  let rounded: number;
  if (diff > 0.5) rounded = floor + 1;
  else if (diff < 0.5) rounded = floor;
  else rounded = floor % 2 === 0 ? floor : floor + 1;
  return rounded / scale;
}
