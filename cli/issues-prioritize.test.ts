import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubEmulator, startGitHubEmulator } from "../emulator/start-emulator";
import type { Repository } from "../emulator/world/world-schema";
import { isolatedCliEnv, runCli } from "../test/cli";
import { freshDatabase, type TestDatabase } from "../test/databases";

interface IssueJson {
  repository: string;
  number: number;
  title: string;
  state: string;
  labels: string[];
  category: string | null;
  severity: string | null;
  priority: number | null;
  hasLinkedPr: boolean;
  hasHumanAssignee: boolean;
}

interface PriorityJson {
  rank: number;
  repository: string;
  language: string | null;
  number: number;
  priority: number;
  category: string;
  reason: string;
  breakdown: Record<string, { value: number; weight: number; reason: string }>;
}

const factors = ["health", "impact", "solvability", "urgency", "uniqueness"];

// discover → analyze → issues → prioritize against the GitHub emulator, through the real clients and
// a real PostgreSQL; every expectation is read from the emulator's world, not from our own code.
describe("issues and prioritize against the emulator", () => {
  let emulator: GitHubEmulator;
  let database: TestDatabase;
  let env: Record<string, string>;
  let approved: { fullName: string; language: string | null }[] = [];
  let synced: Repository[] = [];

  async function json<T>(args: string[]): Promise<T> {
    const result = await runCli([...args, "--json"], env);
    expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(0);
    return JSON.parse(result.stdout) as T;
  }

  const worldRepository = (fullName: string) =>
    emulator.world.repositories.find(
      (repo) => `${repo.owner}/${repo.name}`.toLowerCase() === fullName.toLowerCase(),
    )!;

  beforeAll(async () => {
    emulator = await startGitHubEmulator({ repositories: 200, seed: 23 });
    database = await freshDatabase("embedded");
    env = isolatedCliEnv(database.url, {
      GLOBALLM_GITHUB_RETRY_BASE_MS: "20",
      ...emulator.env,
      GITHUB_TOKEN: "ghp_globallm_tests",
    });
  });
  afterAll(async () => {
    await emulator?.close();
    await database?.drop();
  });

  it("fetches every issue of a repository, pull requests left out, taken ones marked", async () => {
    await json(["discover", "--domain", "overall", "--max-results", "30", "--min-stars", "0"]);
    await json(["analyze"]);
    approved = await json(["repos", "list", "--filter", "approved"]);
    const withIssues = approved.filter((row) => worldRepository(row.fullName).issues.length > 0);
    expect(withIssues.length).toBeGreaterThanOrEqual(2);

    // The repository with the most issues proves pagination (more than one page of 100).
    synced = withIssues
      .map((row) => worldRepository(row.fullName))
      .sort((a, b) => b.issues.length - a.issues.length)
      .slice(0, 3);
    for (const repo of synced) {
      const fullName = `${repo.owner}/${repo.name}`;
      const rows = await json<IssueJson[]>(["issues", fullName, "--state", "all", "--limit", "5000"]);
      const byNumber = new Map(rows.map((row) => [row.number, row]));
      expect(rows.length, fullName).toBe(repo.issues.length);
      for (const pull of repo.pulls) expect(byNumber.has(pull.number)).toBe(false);
      for (const issue of repo.issues) {
        const row = byNumber.get(issue.number)!;
        expect(row, `${fullName}#${issue.number}`).toBeDefined();
        expect(row.state).toBe(issue.state);
        expect(row.title).toBe(issue.title);
        expect([...row.labels].sort()).toEqual([...issue.labels].sort());
        expect(row.hasLinkedPr, `${fullName}#${issue.number} linked`).toBe(
          issue.linkedPullRequests.length > 0,
        );
        expect(row.hasHumanAssignee, `${fullName}#${issue.number} assigned`).toBe(
          issue.assignees.some((login) => !login.endsWith("[bot]")),
        );
        expect(row.category).not.toBeNull();
        expect(["critical", "high", "medium", "low"]).toContain(row.severity);
      }
    }
    expect(synced[0]!.issues.length).toBeGreaterThan(100);
  });

  it("syncs incrementally: a second run asks only for what changed since the last one", async () => {
    const repo = synced[0]!;
    const fullName = `${repo.owner}/${repo.name}`;
    const unchanged = await runCli(["issues", fullName, "--state", "all"], env);
    expect(unchanged.code, unchanged.stderr).toBe(0);
    // GitHub's \`since\` is inclusive: the newest stored issue comes back, nothing else.
    expect(unchanged.stderr).toMatch(/^[01] fetched \(0 new\) since the last sync/);

    const issue = repo.issues.find((candidate) => candidate.state === "open")!;
    issue.title = `${issue.title} (edited)`;
    issue.updatedAt = new Date().toISOString();
    // Past the response cache (github.cache_minutes), as a later run would be.
    const changed = await runCli(["issues", fullName, "--state", "all", "--limit", "5000", "--json"], {
      ...env,
      GLOBALLM_GITHUB_CACHE_MINUTES: "0",
    });
    expect(changed.code, changed.stderr).toBe(0);
    expect(changed.stderr).toMatch(/^[12] fetched \(0 new\) since the last sync/);
    const rows = JSON.parse(changed.stdout) as IssueJson[];
    expect(rows.find((row) => row.number === issue.number)?.title).toBe(issue.title);

    const bugs = await json<IssueJson[]>([
      "issues",
      fullName,
      "--state",
      "all",
      "--category",
      "bug",
      "--offline",
    ]);
    for (const row of bugs) expect(row.category).toBe("bug");
  });

  it("ranks open, untaken issues of approved repositories only, each with its breakdown and reason", async () => {
    const rows = await json<PriorityJson[]>(["prioritize", "--export", "json", "--top", "10000"]);
    const approvedNames = new Set(approved.map((row) => row.fullName.toLowerCase()));
    const expected = synced.flatMap((repo) =>
      repo.issues
        .filter((issue) => issue.state === "open" && issue.linkedPullRequests.length === 0)
        .filter((issue) => !issue.assignees.some((login) => !login.endsWith("[bot]")))
        .map((issue) => `${repo.owner}/${repo.name}#${issue.number}`),
    );
    expect(rows.map((row) => `${row.repository}#${row.number}`).sort()).toEqual(expected.sort());
    rows.forEach((row, index) => {
      expect(approvedNames.has(row.repository.toLowerCase())).toBe(true);
      expect(row.rank).toBe(index + 1);
      expect(row.priority).toBeGreaterThanOrEqual(0);
      expect(row.priority).toBeLessThanOrEqual(1);
      if (index > 0) expect(row.priority).toBeLessThanOrEqual(rows[index - 1]!.priority);
      expect(row.reason.length).toBeGreaterThan(0);
      for (const factor of factors) {
        expect(row.breakdown[factor], `${row.repository}#${row.number} ${factor}`).toMatchObject({
          value: expect.any(Number),
          weight: expect.any(Number),
          reason: expect.any(String),
        });
      }
    });

    // Priorities are stored: the issues listing shows the same numbers without asking GitHub again.
    const repo = synced[0]!;
    const stored = await json<IssueJson[]>([
      "issues",
      `${repo.owner}/${repo.name}`,
      "--offline",
      "--limit",
      "5",
    ]);
    for (const row of stored) {
      const ranked = rows.find(
        (candidate) => candidate.repository === row.repository && candidate.number === row.number,
      );
      expect(row.priority).toBeCloseTo(ranked!.priority, 6);
    }

    const top = await json<PriorityJson[]>(["prioritize", "--top", "5"]);
    expect(top.map((row) => row.number)).toEqual(rows.slice(0, 5).map((row) => row.number));
    const floor = rows[Math.floor(rows.length / 2)]!.priority;
    const above = await json<PriorityJson[]>([
      "prioritize",
      "--min-priority",
      String(floor),
      "--top",
      "10000",
    ]);
    expect(above.length).toBe(rows.filter((row) => row.priority >= floor).length);

    const language = rows[0]!.language!;
    const oneLanguage = await json<PriorityJson[]>([
      "prioritize",
      "--language",
      language.toUpperCase(),
      "--top",
      "10000",
    ]);
    expect(oneLanguage.length).toBe(rows.filter((row) => row.language === language).length);

    const absent = ["Zig", "OCaml", "Erlang", "Clojure", "Haskell", "Julia"].find(
      (name) => !rows.some((row) => row.language === name),
    )!;
    const none = await runCli(["prioritize", "--language", absent.toLowerCase()], env);
    expect(none.stdout).toContain(`No ranked issues in ${absent}.`);

    const csv = await runCli(["prioritize", "--export", "csv", "--top", "3"], env);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split("\n");
    expect(lines[0]).toBe(
      "rank,repository,number,title,url,priority,category,severity,health,impact,solvability,urgency,uniqueness,reason",
    );
    expect(lines).toHaveLength(4);
  });

  it("refuses bad input with one clear line", async () => {
    const cases: [string[], number, RegExp][] = [
      [["issues", "nobody-here/nothing-here"], 2, /not in the store/],
      [["issues", "not a repo"], 2, /not a repository name/],
      [["issues", `${synced[0]!.owner}/${synced[0]!.name}`, "--category", "chores"], 2, /Expected one of/],
      [["prioritize", "--min-priority", "1.5"], 2, /min-priority/],
      [["prioritize", "--language", "klingon"], 2, /Unknown language "klingon"/],
      [["prioritize", "--export", "xml"], 2, /Expected one of: json, csv/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(code);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });
});
