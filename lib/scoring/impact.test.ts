import { describe, expect, it } from "vitest";
import { criticalityFromSignals } from "./criticality";
import { makeSignals } from "./fixture-signals";
import { type ImpactContext, impactScore } from "./impact";
import type { RepositorySignals } from "./signals";
import { weightsFromSettings } from "./weights";

const now = new Date("2024-06-01T00:00:00Z");
const weights = weightsFromSettings({}, "impact");
const impact = (overrides: Partial<RepositorySignals> = {}, context: Partial<ImpactContext> = {}) =>
  impactScore(makeSignals(overrides), weights, { now, ...context });
const factor = (result: ReturnType<typeof impact>, name: string) =>
  [...result.used, ...result.excluded].find((f) => f.name === name)!;

describe("impactScore", () => {
  it("reads its weights from settings defaults", () => {
    expect(weights).toEqual({ dependents: 0.3, pagerank: 0.2, criticality: 0.2, stars: 0.2, forks: 0.1 });
    expect(weightsFromSettings({ "weights.impact.stars": 0.9 }, "impact").stars).toBe(0.9);
  });

  it("leaves unknown dependents out — never 0 — and renormalises", () => {
    const result = impact({ dependents: { direct: null, total: null, packages: [] } });
    const dependents = factor(result, "dependents");
    expect(dependents.value).toBeNull();
    expect(dependents.reason).toMatch(/No package found/);
    expect(result.excluded.map((f) => f.name)).toEqual(["dependents", "pagerank"]);
    const expected = result.used.reduce((s, f) => s + f.weight * f.value, 0) / (0.2 + 0.2 + 0.1);
    expect(result.score).toBeCloseTo(expected, 12);
  });

  it("counts a known 0 dependents as 0, with a reason", () => {
    const dependents = factor(
      impact({ dependents: { direct: 0, total: 0, packages: ["npm/x"] } }),
      "dependents",
    );
    expect(dependents.value).toBe(0);
    expect(dependents.reason).toBe("No other packages depend on it yet.");
  });

  it("log-scales dependents, stars and forks: more never scores lower, and it saturates", () => {
    let previous = -1;
    for (const n of [0, 1, 10, 100, 1000, 10_000, 100_000, 1_000_000]) {
      const result = impact({
        stars: n,
        forks: n / 5,
        dependents: { direct: n, total: 10 * n, packages: ["npm/x"] },
      });
      expect(result.score!).toBeGreaterThanOrEqual(previous);
      previous = result.score!;
    }
    expect(factor(impact({ stars: 50_000 }), "stars").value).toBe(1);
    expect(factor(impact({ stars: 5_000_000 }), "stars").value).toBe(1);
    expect(factor(impact({ stars: 223 }), "stars").value).toBeCloseTo(0.5, 2); // about √50,000
  });

  it("scales PageRank by the graph size, falls back to a percentile, and is unmeasurable otherwise", () => {
    const byMultiple = factor(impact({ pagerank: 0.01 }, { graphNodeCount: 100_000 }), "pagerank");
    expect(byMultiple.value).toBe(1); // 1,000× the average package
    expect(byMultiple.raw).toBe("PageRank 0.0100 (1,000× the average of 100,000 packages)");
    const leaf = factor(impact({ pagerank: 1.5e-6 }, { graphNodeCount: 248_439 }), "pagerank");
    expect(leaf.value!).toBeLessThan(0.1);
    expect(leaf.reason).toBe("Its dependency-graph centrality is below the average package's.");
    expect(factor(impact({ pagerank: 0.01 }, { pagerankPercentile: 0.97 }), "pagerank").value).toBe(0.97);
    expect(factor(impact({ pagerank: 0.01 }), "pagerank").value).toBeNull();
    expect(factor(impact({ pagerank: null }), "pagerank").reason).toMatch(/not in a loaded dependency graph/);
  });

  it("includes the OpenSSF criticality score as a named component", () => {
    const signals = makeSignals();
    const result = impactScore(signals, weights, { now });
    const expected = criticalityFromSignals(signals, now).score!;
    expect(factor(result, "criticality").value).toBeCloseTo(expected, 12);
    expect(result.criticality.used).toHaveLength(10);
    expect(factor(result, "criticality").raw).toMatch(/^OpenSSF criticality 0\.\d{3} from 10 of 10 inputs$/);
  });

  it("stays within 0..1 for a huge, busy project", () => {
    const score = impact(
      {
        stars: 400_000,
        forks: 90_000,
        contributors: 10_000,
        commits: { last30: 3000, last90: 9000, last365: 40_000 },
        dependents: { direct: 2_000_000, total: 9_000_000, packages: ["npm/huge"] },
        pagerank: 0.05,
      },
      { graphNodeCount: 3_000_000 },
    ).score!;
    expect(score).toBeGreaterThan(0.9);
    expect(score).toBeLessThanOrEqual(1);
  });
});
