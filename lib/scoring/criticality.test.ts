import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { haveSharedData, sharedDataFile } from "../../test/shared-data";
import {
  type CriticalityInputs,
  criticalityFromSignals,
  criticalityInputNames,
  criticalityScore,
  partialCriticalityScore,
  roundLikeV1,
} from "./criticality";
import { parseCsvRecords } from "./csv";
import { makeSignals } from "./fixture-signals";

const folder = "criticality";
const haveGolden = haveSharedData(folder, "criticality golden test over the published OpenSSF v1 scores");

describe.skipIf(!haveGolden)("criticality golden data (OpenSSF v1 top 200 × 11 languages)", () => {
  // The describe body runs even when skipped, so only read the folder when it is there.
  const rows = haveGolden ? readGoldenRows() : [];

  it("reads all 2,200 rows", () => {
    expect(rows).toHaveLength(2200);
  });

  it("reproduces every published score within 1e-5, and exactly after v1's rounding", () => {
    let maxError = 0;
    let worst = "";
    const mismatches: string[] = [];
    for (const { file, row } of rows) {
      // By header name: c/cplusplus/go/java swap the two issue columns.
      const inputs = Object.fromEntries(
        criticalityInputNames.map((name) => {
          const text = row[name];
          if (text === undefined || text === "") throw new Error(`${file} ${row.name}: no ${name}`);
          return [name, Number(text)];
        }),
      ) as CriticalityInputs;
      const published = Number(row.criticality_score);
      const formula = criticalityScore(inputs);
      const error = Math.abs(published - formula);
      if (error > maxError) {
        maxError = error;
        worst = `${file} ${row.name}: published ${published}, formula ${formula}`;
      }
      if (roundLikeV1(formula) !== published) mismatches.push(`${file} ${row.name}`);
      expect(partialCriticalityScore(inputs).score).toBe(formula);
    }
    console.info(
      `criticality golden: ${rows.length} rows, max |published − formula| = ${maxError} (${worst})`,
    );
    expect(maxError).toBeLessThanOrEqual(1e-5);
    expect(mismatches).toEqual([]);
  });
});

describe("criticality formula", () => {
  const zero = Object.fromEntries(criticalityInputNames.map((name) => [name, 0])) as CriticalityInputs;
  const atThresholds: CriticalityInputs = {
    created_since: 120,
    updated_since: 0,
    contributor_count: 5000,
    org_count: 10,
    commit_frequency: 1000,
    recent_releases_count: 26,
    closed_issues_count: 5000,
    updated_issues_count: 5000,
    comment_frequency: 15,
    dependents_count: 500_000,
  };

  it("is 0 with nothing and 9.5/8.5 at every threshold with a fresh commit (v1 divides by the signed total)", () => {
    expect(criticalityScore(zero)).toBe(0);
    expect(criticalityScore(atThresholds)).toBeCloseTo(9.5 / 8.5, 12);
  });

  it("saturates at the threshold and is lowered by staleness", () => {
    expect(criticalityScore({ ...atThresholds, contributor_count: 50_000 })).toBe(
      criticalityScore(atThresholds),
    );
    expect(criticalityScore({ ...atThresholds, updated_since: 12 })).toBeLessThan(
      criticalityScore(atThresholds),
    );
  });

  it("leaves unknown inputs out and divides by the remaining signed weights", () => {
    const partial = partialCriticalityScore({
      ...atThresholds,
      org_count: null,
      dependents_count: undefined,
    });
    expect(partial.excluded).toEqual(["org_count", "dependents_count"]);
    expect(partial.used).toHaveLength(8);
    expect(partial.score).toBeCloseTo(6.5 / 5.5, 12);
  });

  it("has no score when only updated_since and too little else is known", () => {
    expect(partialCriticalityScore({ updated_since: 3 }).score).toBeNull();
    expect(partialCriticalityScore({ updated_since: 3, created_since: 40 }).score).toBeNull();
  });

  it("rounds like Python 3 (ties to even)", () => {
    expect(roundLikeV1(0.123455)).toBe(0.12346);
    expect(roundLikeV1(0.6503350007)).toBe(0.65034);
  });
});

describe("criticalityFromSignals", () => {
  const now = new Date("2024-06-01T00:00:00Z");

  it("maps signals to v1 inputs: months as round(days/30), weekly commits over a year", () => {
    const result = criticalityFromSignals(
      makeSignals({
        createdAt: "2014-06-01T00:00:00Z", // 3653 days → 122 months
        lastCommitAt: "2024-05-17T00:00:00Z", // 15 days → round(0.5) = 0 (ties to even)
        commits: { last30: 10, last90: 30, last365: 130 },
        contributors: 300,
        contributorOrgs: 4,
        releases: { total: 40, last365: 6, latestAt: "2024-05-01T00:00:00Z" },
        issues: { open: 50, updatedLast90: 120, closedLast90: 80, commentFrequency: 2.3 },
        dependents: { direct: 900, total: 12_000, packages: ["npm/x"] },
      }),
      now,
    );
    expect(result.inputs).toEqual({
      created_since: 122,
      updated_since: 0,
      contributor_count: 300,
      org_count: 4,
      commit_frequency: 2.5,
      recent_releases_count: 6,
      closed_issues_count: 80,
      updated_issues_count: 120,
      comment_frequency: 2.3,
      dependents_count: 12_000,
    });
    expect(result.excluded).toEqual([]);
    expect(result.score).toBeCloseTo(criticalityScore(result.inputs as CriticalityInputs), 12);
  });

  it("excludes what is unknown and says where fallbacks came from", () => {
    const result = criticalityFromSignals(
      makeSignals({
        lastCommitAt: null,
        pushedAt: "2024-03-01T00:00:00Z",
        contributorOrgs: null,
        dependents: { direct: 40, total: null, packages: ["pypi/x"] },
      }),
      now,
    );
    expect(result.excluded).toContain("org_count");
    expect(result.inputs.dependents_count).toBe(40);
    expect(result.inputs.updated_since).toBe(3);
    expect(result.notes.join(" ")).toMatch(/last push/);
    expect(result.notes.join(" ")).toMatch(/direct dependents only/);
  });
});

function readGoldenRows(): Array<{ file: string; row: Record<string, string> }> {
  const dir = sharedDataFile(folder);
  return readdirSync(dir)
    .filter((name) => name.endsWith(".csv"))
    .sort()
    .flatMap((file) => parseCsvRecords(readFileSync(join(dir, file), "utf8")).map((row) => ({ file, row })));
}
