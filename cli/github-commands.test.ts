import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubEmulator, startGitHubEmulator } from "../emulator/start-emulator";
import { runCli } from "../test/cli";
import { freshDatabase, type TestDatabase } from "../test/databases";

// discover → analyze → repos against the GitHub emulator, through the real Octokit client.
describe("GitHub commands against the emulator", () => {
  let emulator: GitHubEmulator;
  const databases: TestDatabase[] = [];
  const home = mkdtempSync(join(tmpdir(), "globallm-gh-"));

  beforeAll(async () => {
    emulator = await startGitHubEmulator({ repositories: 300, seed: 11 });
  });
  afterAll(async () => {
    await emulator.close();
    await Promise.all(databases.map((db) => db.drop()));
  });

  async function environment(extra: Record<string, string> = {}): Promise<Record<string, string>> {
    const target = await freshDatabase("embedded");
    databases.push(target);
    return {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      GLOBALLM_DATABASE_URL: target.url,
      GLOBALLM_GITHUB_RETRY_BASE_MS: "20",
      ...emulator.env,
      GITHUB_TOKEN: "ghp_globallm_tests",
      ...extra,
    };
  }

  async function json(args: string[], env: Record<string, string>) {
    const result = await runCli([...args, "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    return JSON.parse(result.stdout);
  }

  /** Discovers and analyzes; returns what the store then holds (without timestamps). */
  async function discoverAndAnalyze(env: Record<string, string>) {
    const discovered = await json(
      ["discover", "--domain", "overall", "--max-results", "40", "--min-stars", "0"],
      env,
    );
    const analyzed = await json(["analyze"], env);
    const stored = await json(["repos", "list"], env);
    // Recency decays continuously, so runs seconds apart differ in the 7th digit; compare at 4.
    const rounded = (value: unknown) => (typeof value === "number" ? Math.round(value * 1e4) / 1e4 : value);
    return {
      discovered,
      analyzed,
      stored: stored.map(({ analyzedAt: _, healthScore, impactScore, ...row }: Record<string, unknown>) => ({
        ...row,
        healthScore: rounded(healthScore),
        impactScore: rounded(impactScore),
      })),
    };
  }

  let baseline: Awaited<ReturnType<typeof discoverAndAnalyze>>;

  it("discovers, analyzes and lists repositories with the documented JSON fields", async () => {
    const env = await environment();
    baseline = await discoverAndAnalyze(env);
    expect(baseline.discovered).toHaveLength(40);
    for (const row of baseline.discovered) {
      expect(row).toMatchObject({
        fullName: expect.any(String),
        stars: expect.any(Number),
        worthWorkingOn: null,
        healthScore: null,
        impactScore: null,
      });
      expect(row).toHaveProperty("language");
    }
    expect(baseline.analyzed).toHaveLength(40);
    expect(baseline.stored).toHaveLength(40);
    for (const row of baseline.stored) {
      expect(row.healthScore).toBeGreaterThanOrEqual(0);
      expect(row.impactScore).toBeLessThanOrEqual(1);
      expect(typeof row.worthWorkingOn).toBe("boolean");
      expect(row.analysisReason).toMatch(/threshold|Archived|unknown/i);
    }
    const stars = baseline.discovered.map((row: { stars: number }) => row.stars);
    expect(stars).toEqual([...stars].sort((a, b) => b - a));
    const approved = await json(["repos", "list", "--filter", "approved"], env);
    expect(approved.length).toBe(
      baseline.stored.filter((row: { worthWorkingOn: boolean }) => row.worthWorkingOn).length,
    );
    const shown = await json(["repos", "show", baseline.stored[0].fullName], env);
    expect(shown.health.used.length + shown.health.excluded.length).toBe(6);
    expect(shown.impact.used.map((factor: { name: string }) => factor.name)).toContain("criticality");

    // Rediscovery updates rows, never duplicates them.
    await json(["discover", "--domain", "overall", "--max-results", "40", "--min-stars", "0"], env);
    expect(await json(["repos", "list"], env)).toHaveLength(40);
  });

  it("gives the same results with 10% server errors, truncated bodies, a secondary rate limit and slow responses", async () => {
    const env = await environment();
    emulator.resetStats();
    emulator.setFaults({
      errorRate: 0.1,
      truncateRate: 0.03,
      secondaryRateLimitEvery: 9,
      latencyMs: 15,
      jitterMs: 15,
      graphqlErrorRate: 0.05,
      seed: 3,
    });
    try {
      const faulty = await discoverAndAnalyze(env);
      const faults = emulator.stats().faults;
      expect(
        faults.errors + faults.truncated + faults.secondaryRateLimits + faults.graphqlErrors,
      ).toBeGreaterThan(0);
      expect(faults.secondaryRateLimits).toBeGreaterThan(0);
      const differences = faulty.stored.flatMap((row: Record<string, unknown>, index: number) =>
        Object.keys(row)
          .filter((key) => JSON.stringify(row[key]) !== JSON.stringify(baseline.stored[index][key]))
          .map(
            (key) =>
              `${row.fullName}.${key}: ${JSON.stringify(baseline.stored[index][key])} → ${JSON.stringify(row[key])}`,
          ),
      );
      expect(differences).toEqual([]);
      expect(new Set(faulty.stored.map((row: { fullName: string }) => row.fullName.toLowerCase())).size).toBe(
        40,
      );
    } finally {
      emulator.setFaults({});
    }
  });

  it("refuses bad input with one clear line and writes nothing", async () => {
    const env = await environment();
    const cases: [string[], number, RegExp][] = [
      [["discover", "--domain", "knitting"], 2, /Unknown domain "knitting"/],
      [["discover", "--language", "klingon"], 2, /Unknown language "klingon"/],
      [["discover", "--max-results", "0"], 2, /--max-results/],
      [["analyze", "not a repo"], 2, /not a repository name/],
      [["analyze", "nobody-here/nothing-here"], 2, /GitHub has no repository nobody-here\/nothing-here/],
      [["analyze-user", "no-such-user-anywhere"], 2, /GitHub has no user or organization/],
      [["repos", "show", "nobody-here/nothing-here"], 2, /not in the store/],
      [["repos", "remove", "nobody-here/nothing-here"], 2, /not in the store/],
      [["repos", "list", "--filter", "good"], 2, /Expected one of: all, approved, rejected, unanalyzed/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(code);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
    expect(await json(["repos", "list"], env)).toEqual([]);
  });

  it("works without a token over REST, and says so clearly when the anonymous limit runs out", async () => {
    const env = await environment({ GITHUB_TOKEN: "" });
    const repo = baseline.stored[0].fullName;
    const analyzed = await json(["analyze", repo], env);
    expect(analyzed[0]).toMatchObject({ fullName: repo, found: true });
    let result = await runCli(["analyze", baseline.stored[1].fullName], env);
    for (let i = 2; result.code === 0 && i < 12; i++)
      result = await runCli(["analyze", baseline.stored[i].fullName], env);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split("\n")).toHaveLength(1);
    expect(result.stderr).toMatch(/rate limit is exhausted.*GITHUB_TOKEN/);
    emulator.resetRateLimits();
  });

  it("recommends keeping or archiving an owner's repositories", async () => {
    const env = await environment();
    const owner = emulator.world.accounts.find(
      (account) => emulator.world.repositories.filter((repo) => repo.owner === account.login).length >= 3,
    )!;
    const all = await json(["analyze-user", owner.login, "--recommend", "--include-forks"], env);
    expect(all.length).toBe(emulator.world.repositories.filter((repo) => repo.owner === owner.login).length);
    for (const row of all) expect(["keep", "archive", "evaluate"]).toContain(row.recommendation);
    const limited = await json(["analyze-user", owner.login, "--max-results", "2"], env);
    expect(limited).toHaveLength(2);
    expect(limited[0]).not.toHaveProperty("recommendation");
  });
});
