import { describe, expect, it } from "vitest";
import { makeSignals } from "./fixture-signals";
import { healthScore } from "./health";
import type { RepositorySignals } from "./signals";
import { type HealthWeights, weightsFromSettings } from "./weights";

const now = new Date("2024-06-01T00:00:00Z");
const weights: HealthWeights = weightsFromSettings({}, "health");
const health = (overrides: Partial<RepositorySignals> = {}) =>
  healthScore(makeSignals(overrides), weights, now);
const factor = (result: ReturnType<typeof health>, name: string) =>
  [...result.used, ...result.excluded].find((f) => f.name === name)!;

describe("healthScore", () => {
  it("scores a well-kept library high, with every factor measured, a raw value and a reason", () => {
    const result = health();
    expect(result.score).toBeGreaterThan(0.7);
    expect(result.excluded).toEqual([]);
    for (const f of result.used) {
      expect(f.raw, f.name).not.toBe("");
      expect(f.reason, f.name).toMatch(/\.$/);
      expect(f.value).toBeGreaterThanOrEqual(0);
      expect(f.value).toBeLessThanOrEqual(1);
    }
  });

  it("uses the settings weights: the default weights are the ones in settings", () => {
    expect(weights).toEqual({
      commit_activity: 0.25,
      issue_resolution: 0.2,
      pr_merge: 0.15,
      ci: 0.15,
      releases: 0.1,
      documentation: 0.15,
    });
    const ciOnly = healthScore(
      makeSignals({ ci: { present: false, providers: [], passing: null } }),
      {
        ...weights,
        commit_activity: 0,
        issue_resolution: 0,
        pr_merge: 0,
        releases: 0,
        documentation: 0,
      },
      now,
    );
    expect(ciOnly.score).toBe(0);
  });

  it("leaves an unmeasurable factor out and renormalises (never a silent 0)", () => {
    const known = health({ ci: { present: true, providers: ["github-actions"], passing: true } });
    const unknown = health({ ci: { present: null, providers: [], passing: null } });
    expect(unknown.excluded.map((f) => f.name)).toEqual(["ci"]);
    expect(factor(unknown, "ci").reason).toMatch(/Could not tell/);
    const others = known.used.filter((f) => f.name !== "ci");
    const expected =
      others.reduce((s, f) => s + f.weight * f.value, 0) / others.reduce((s, f) => s + f.weight, 0);
    expect(unknown.score).toBeCloseTo(expected, 12);
    // A silent 0 for CI would have pulled the score down by the whole CI share.
    expect(unknown.score!).toBeGreaterThan(known.score! - 0.15);
  });

  it("has no score when nothing is measurable", () => {
    const result = health({
      commits: { last30: null, last90: null, last365: null },
      lastCommitAt: null,
      pushedAt: null,
      issues: { open: null, updatedLast90: null, closedLast90: null, commentFrequency: null },
      pullRequests: { open: null, mergedLast90: null, mergedTotal: null },
      ci: { present: null, providers: [], passing: null },
      releases: { total: null, last365: null, latestAt: null },
      docs: { hasReadme: null, readmeBytes: null, hasDocs: null, hasContributing: null, hasLicense: null },
      license: null,
    });
    expect(result.score).toBeNull();
    expect(result.used).toEqual([]);
  });

  it("is monotonic: more commits never lower health", () => {
    let previous = -1;
    for (const n of [0, 1, 3, 10, 30, 100, 300, 1000, 10_000]) {
      const result = health({ commits: { last30: n, last90: 3 * n, last365: 12 * n } });
      expect(result.score!).toBeGreaterThanOrEqual(previous);
      previous = result.score!;
    }
    const fewer = health({ commits: { last30: 2, last90: 40, last365: 150 } });
    const more = health({ commits: { last30: 3, last90: 40, last365: 150 } });
    expect(factor(more, "commit_activity").value!).toBeGreaterThan(factor(fewer, "commit_activity").value!);
  });

  it("rewards recency: an older last commit never scores higher", () => {
    const recent = health({ lastCommitAt: "2024-05-25T00:00:00Z" });
    const old = health({ lastCommitAt: "2023-01-01T00:00:00Z" });
    expect(factor(old, "commit_activity").value!).toBeLessThan(factor(recent, "commit_activity").value!);
  });

  it("calls a repository with no commits for a year dormant", () => {
    const result = health({
      commits: { last30: 0, last90: 0, last365: 0 },
      lastCommitAt: "2022-01-01T00:00:00Z",
    });
    const commits = factor(result, "commit_activity");
    expect(commits.value!).toBeLessThan(0.01);
    expect(commits.reason).toMatch(/^Dormant: last commit 2\.4 years ago\./);
    expect(commits.raw).toBe("commits: 0 in 30 days, 0 in 90 days, 0 in 365 days; last commit 2.4 years ago");
  });

  it("gives archived repositories health 0 with an explicit reason, keeping the factors", () => {
    const result = health({ isArchived: true });
    expect(result.score).toBe(0);
    expect(result.archived).toBe(true);
    expect(result.reason).toMatch(/Archived/);
    expect(result.used.length).toBe(6);
  });

  it("CI: passing beats unknown beats failing beats none, each explained", () => {
    const ci = (passing: boolean | null, present: boolean | null = true) =>
      factor(health({ ci: { present, providers: ["github-actions"], passing } }), "ci");
    expect(ci(true).value).toBe(1);
    expect(ci(null).value).toBe(0.6);
    expect(ci(null).reason).toMatch(/partial credit/);
    expect(ci(false).value).toBe(0.25);
    expect(ci(null, false).value).toBe(0);
    expect(ci(true).raw).toBe("github-actions; passing");
  });

  it("issue resolution: closing more of the touched issues scores higher; no activity is unmeasurable", () => {
    const issues = (closed: number, updated: number, open: number | null) =>
      factor(
        health({ issues: { open, updatedLast90: updated, closedLast90: closed, commentFrequency: 1 } }),
        "issue_resolution",
      );
    expect(issues(10, 40, 30).value!).toBeLessThan(issues(30, 40, 30).value!);
    expect(issues(0, 0, 0).value).toBeNull();
    expect(issues(0, 0, 12).value).toBe(0);
    expect(issues(0, 0, 12).reason).toBe("12 open issues and none touched in 90 days.");
    expect(issues(30, 40, 30).value).toBe(1);
  });

  it("pull requests: a project that never used them is left out, not zeroed", () => {
    const none = factor(health({ pullRequests: { open: 0, mergedLast90: 0, mergedTotal: 0 } }), "pr_merge");
    expect(none.value).toBeNull();
    const stalled = factor(
      health({ pullRequests: { open: 9, mergedLast90: 0, mergedTotal: 80 } }),
      "pr_merge",
    );
    expect(stalled.value).toBe(0);
    expect(stalled.reason).toBe("No pull requests merged in 90 days while 9 wait.");
  });

  it("releases: none on GitHub is left out; a stale release line scores lower than a fresh one", () => {
    expect(
      factor(health({ releases: { total: 0, last365: 0, latestAt: null } }), "releases").value,
    ).toBeNull();
    const stale = factor(
      health({ releases: { total: 10, last365: 0, latestAt: "2021-06-01T00:00:00Z" } }),
      "releases",
    );
    const fresh = factor(
      health({ releases: { total: 10, last365: 4, latestAt: "2024-05-01T00:00:00Z" } }),
      "releases",
    );
    expect(stale.value!).toBeLessThan(fresh.value!);
    expect(stale.reason).toBe("No release in the past year; the latest is 3.0 years ago.");
  });

  it("documentation: says what is missing and counts a tiny README for little", () => {
    const thin = factor(
      health({
        docs: { hasReadme: true, readmeBytes: 150, hasDocs: false, hasContributing: false, hasLicense: true },
      }),
      "documentation",
    );
    expect(thin.value).toBeCloseTo(0.2, 12);
    expect(thin.reason).toBe("Missing: docs, CONTRIBUTING.");
    expect(thin.raw).toBe("README 150 B, no docs, licence (MIT), no CONTRIBUTING");
  });
});
