import { describe, expect, it } from "vitest";
import { makeSignals } from "./fixture-signals";
import type { RepositorySignals } from "./signals";
import { assessWorth, recommendKeepArchive } from "./worth";

const thresholds = { health: 0.5, impact: 0.5 };

describe("assessWorth", () => {
  it("is worth working on when both are above their thresholds", () => {
    expect(assessWorth({ health: 0.72, impact: 0.64 }, thresholds)).toEqual({
      worthWorkingOn: true,
      reason: "Health 72% and impact 64% are above the 50%/50% thresholds.",
    });
  });

  it("exactly at the threshold is not above it", () => {
    expect(assessWorth({ health: 0.5, impact: 0.9 }, thresholds)).toEqual({
      worthWorkingOn: false,
      reason: "Health 50% is not above the 50% threshold (impact 90% is above 50%).",
    });
    expect(assessWorth({ health: 0.9, impact: 0.5 }, thresholds).worthWorkingOn).toBe(false);
    expect(assessWorth({ health: 0.5000001, impact: 0.5000001 }, thresholds).worthWorkingOn).toBe(true);
  });

  it("never makes the reason contradict the verdict through rounding", () => {
    expect(assessWorth({ health: 0.504, impact: 0.7 }, thresholds).reason).toBe(
      "Health 50.4% and impact 70% are above the 50%/50% thresholds.",
    );
    expect(assessWorth({ health: 0.496, impact: 0.7 }, thresholds).reason).toBe(
      "Health 49.6% is not above the 50% threshold (impact 70% is above 50%).",
    );
  });

  it("says which one fails, or both", () => {
    expect(assessWorth({ health: 0.8, impact: 0.3 }, thresholds).reason).toBe(
      "Impact 30% is not above the 50% threshold (health 80% is above 50%).",
    );
    expect(assessWorth({ health: 0.2, impact: 0.3 }, thresholds).reason).toBe(
      "Health 20% and impact 30% are not above the 50%/50% thresholds.",
    );
  });

  it("uses the thresholds it is given", () => {
    expect(assessWorth({ health: 0.72, impact: 0.64 }, { health: 0.8, impact: 0.1 })).toEqual({
      worthWorkingOn: false,
      reason: "Health 72% is not above the 80% threshold (impact 64% is above 10%).",
    });
    expect(() => assessWorth({ health: 0.7, impact: 0.7 }, { health: 1.5, impact: 0.5 })).toThrow(/0\.\.1/);
  });

  it("is not worth working on when archived or unmeasurable, and says so", () => {
    expect(assessWorth({ health: 0.9, impact: 0.9, archived: true }, thresholds)).toEqual({
      worthWorkingOn: false,
      reason: "Archived: the repository is read-only, so changes cannot land.",
    });
    expect(assessWorth({ health: null, impact: 0.8 }, thresholds).reason).toBe(
      "Health could not be measured (impact 80%), so it is not recommended.",
    );
    expect(assessWorth({ health: null, impact: null }, thresholds).reason).toBe(
      "Health and impact could not be measured, so it is not recommended.",
    );
  });
});

describe("recommendKeepArchive", () => {
  const now = new Date("2024-06-01T00:00:00Z");
  const recommend = (overrides: Partial<RepositorySignals>, health: number | null, impact: number | null) =>
    recommendKeepArchive(makeSignals(overrides), health, impact, now);
  const active = { lastCommitAt: "2024-05-20T00:00:00Z" };
  const dormant = { lastCommitAt: "2021-06-01T00:00:00Z" };

  it("keeps what matters and is well kept", () => {
    const result = recommend(active, 0.8, 0.7);
    expect(result.recommendation).toBe("keep");
    expect(result.reason).toBe(
      "Others rely on it and it is well kept: health 80%, impact 70%, last commit 12 days ago.",
    );
  });

  it("asks for evaluation, not archiving, when many rely on a neglected project", () => {
    const result = recommend(dormant, 0.2, 0.8);
    expect(result.recommendation).toBe("evaluate");
    expect(result.reason).toMatch(/find maintainers or a successor/);
  });

  it("archives a dormant repository few depend on, grounded in the facts", () => {
    const result = recommend(dormant, 0.1, 0.05);
    expect(result).toEqual({
      recommendation: "archive",
      reason: "Dormant repository that few depend on: health 10%, impact 5%, last commit 3.0 years ago.",
    });
    expect(recommend({ ...dormant, isFork: true }, 0.1, null).reason).toMatch(/^Dormant fork/);
  });

  it("keeps an active healthy project with modest reach", () => {
    expect(recommend(active, 0.7, 0.2).recommendation).toBe("keep");
  });

  it("archives an inactive, unhealthy, obscure one and evaluates mixed signals", () => {
    expect(recommend({ lastCommitAt: "2023-03-01T00:00:00Z" }, 0.3, 0.1).recommendation).toBe("archive");
    expect(recommend(active, 0.3, 0.35).recommendation).toBe("evaluate");
    expect(recommend({ lastCommitAt: null, pushedAt: null }, null, null).recommendation).toBe("evaluate");
  });

  it("leaves archived repositories archived", () => {
    expect(recommend({ isArchived: true }, 0, 0.9).recommendation).toBe("archive");
  });
});
