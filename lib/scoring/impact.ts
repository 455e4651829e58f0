import { type CriticalityFromSignals, criticalityFromSignals } from "./criticality";
import { type CombinedScore, combine, type Factor } from "./factors";
import { clamp01, logSaturation, weightedMean } from "./saturate";
import type { RepositorySignals } from "./signals";
import type { ImpactFactorName, ImpactWeights } from "./weights";

type Measure = Pick<Factor, "value" | "raw" | "reason">;

/*
 * Saturation points: where more no longer means meaningfully more important. All use the same
 * log(1+x)/log(1+full) curve as OpenSSF criticality, so about √full earns half the credit.
 */
/** npm-high-impact lists packages with ≥ 500 direct dependents as the top ~4,700 of npm's millions; 10k is the very top. */
const FULL_DIRECT_DEPENDENTS = 10_000;
/** Transitive counts run about an order of magnitude above direct ones. */
const FULL_TOTAL_DEPENDENTS = 100_000;
/** A package with 1,000× the average PageRank is among the few dozen hubs of an ecosystem (PyPI: requests ≈ 9,000×). */
const FULL_PAGERANK_MULTIPLE = 1000;
/** Only a few hundred GitHub repositories pass 50k stars. */
const FULL_STARS = 50_000;
/** Forks run at roughly a fifth of stars. */
const FULL_FORKS = 10_000;

export interface ImpactContext {
  now: Date;
  /** Share of the ecosystem graph's nodes ranked below this package by PageRank (0..1), when known. */
  pagerankPercentile?: number | null;
  /** Nodes in the graph `signals.pagerank` came from; the average PageRank there is 1/N. */
  graphNodeCount?: number | null;
}

export interface ImpactScore extends CombinedScore {
  /** The OpenSSF criticality behind the criticality factor, with the inputs it used. */
  criticality: CriticalityFromSignals;
}

/** How much the world depends on a repository, 0..1, weighted by `weights.impact.*`. */
export function impactScore(
  signals: RepositorySignals,
  weights: ImpactWeights,
  context: ImpactContext,
): ImpactScore {
  const criticality = criticalityFromSignals(signals, context.now);
  const measures: Record<ImpactFactorName, Measure> = {
    dependents: dependents(signals),
    pagerank: pagerank(signals, context),
    criticality: criticalityMeasure(criticality),
    stars: countMeasure(signals.stars, "stars", FULL_STARS),
    forks: countMeasure(signals.forks, "forks", FULL_FORKS),
  };
  const factors = Object.entries(measures).map(([name, measure]) => ({
    name,
    weight: weights[name as ImpactFactorName],
    ...measure,
  }));
  return { ...combine(factors), criticality };
}

function dependents(signals: RepositorySignals): Measure {
  const { direct, total, packages } = signals.dependents;
  const value = weightedMean([
    [direct === null ? null : logSaturation(direct, FULL_DIRECT_DEPENDENTS), 1],
    [total === null ? null : logSaturation(total, FULL_TOTAL_DEPENDENTS), 1],
  ]);
  const where = packages.length > 0 ? ` (${packages.join(", ")})` : "";
  if (value === null) {
    return packages.length === 0
      ? {
          value,
          raw: "no known package",
          reason: "No package found in a known ecosystem, so dependents are unknown.",
        }
      : { value, raw: `unknown${where}`, reason: "The package ecosystem did not report dependents." };
  }
  const raw = [direct === null ? null : `${direct} direct`, total === null ? null : `${total} total`]
    .filter((part) => part !== null)
    .join(", ");
  const count = total ?? direct!;
  return {
    value,
    raw: `${raw} dependents${where}`,
    reason:
      count === 0
        ? "No other packages depend on it yet."
        : `${count.toLocaleString("en-US")} packages depend on it${total === null ? " directly" : ""}.`,
  };
}

function pagerank(signals: RepositorySignals, context: ImpactContext): Measure {
  const rank = signals.pagerank;
  const nodes = context.graphNodeCount ?? null;
  const percentile = context.pagerankPercentile ?? null;
  if (rank !== null && nodes !== null && nodes > 0) {
    // PageRank sums to 1 over the graph, so rank·N is "times the average package" whatever the graph's size.
    const multiple = rank * nodes;
    return {
      value: logSaturation(multiple, FULL_PAGERANK_MULTIPLE),
      raw: `PageRank ${rank.toPrecision(3)} (${times(multiple)}× the average of ${nodes.toLocaleString("en-US")} packages)`,
      reason:
        multiple >= 1
          ? `Its dependency-graph centrality is ${times(multiple)} times the average package's.`
          : "Its dependency-graph centrality is below the average package's.",
    };
  }
  if (percentile !== null) {
    return {
      value: clamp01(percentile),
      raw: `PageRank percentile ${(percentile * 100).toFixed(1)}`,
      reason: `More central in the dependency graph than ${Math.round(percentile * 100)}% of packages.`,
    };
  }
  return {
    value: null,
    raw:
      rank === null ? "not in the dependency graph" : `PageRank ${rank.toPrecision(3)}, graph size unknown`,
    reason:
      rank === null
        ? "The package is not in a loaded dependency graph."
        : "PageRank cannot be compared without the size of its graph.",
  };
}

function criticalityMeasure(criticality: CriticalityFromSignals): Measure {
  const known = `${criticality.used.length} of ${criticality.used.length + criticality.excluded.length} inputs`;
  if (criticality.score === null) {
    return {
      value: null,
      raw: `${known} known`,
      reason: "Too few of the OpenSSF criticality inputs are known.",
    };
  }
  const unknown = criticality.excluded.length > 0 ? `; unknown: ${criticality.excluded.join(", ")}` : "";
  return {
    // v1 can dip below 0 for a long-dead project (updated_since weighs −1); the factor scale is 0..1.
    value: clamp01(criticality.score),
    raw: `OpenSSF criticality ${criticality.score.toFixed(3)} from ${known}${unknown}`,
    reason: `OpenSSF criticality score (v1 formula) of ${criticality.score.toFixed(2)}.`,
  };
}

function countMeasure(count: number, noun: string, full: number): Measure {
  return {
    value: logSaturation(count, full),
    raw: `${count.toLocaleString("en-US")} ${noun}`,
    reason: `${count.toLocaleString("en-US")} ${noun} (${full.toLocaleString("en-US")} or more earns full credit).`,
  };
}

function times(multiple: number): string {
  return multiple >= 100 ? Math.round(multiple).toLocaleString("en-US") : multiple.toPrecision(2);
}
