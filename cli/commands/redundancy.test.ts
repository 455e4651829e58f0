import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GitHubEmulator, startGitHubEmulator } from "../../emulator/start-emulator";
import { isolatedCliEnv, runCli } from "../../test/cli";
import { freshDatabase, type TestDatabase } from "../../test/databases";

// `redundancy` over stored repositories (READMEs from the GitHub emulator) and over JSONL files.
describe("globallm redundancy", () => {
  let emulator: GitHubEmulator;
  let database: TestDatabase;
  let env: Record<string, string>;
  let stored: { fullName: string }[];
  const home = mkdtempSync(join(tmpdir(), "globallm-redundancy-"));

  beforeAll(async () => {
    emulator = await startGitHubEmulator({ repositories: 120, seed: 5 });
    database = await freshDatabase("embedded");
    env = isolatedCliEnv(database.url, {
      GLOBALLM_GITHUB_RETRY_BASE_MS: "20",
      ...emulator.env,
      GITHUB_TOKEN: "ghp_x",
    });
    const discovered = await runCli(
      ["discover", "--domain", "overall", "--max-results", "6", "--min-stars", "0", "--json"],
      env,
    );
    expect(discovered.code, discovered.stderr).toBe(0);
    stored = JSON.parse(discovered.stdout);
  });
  afterAll(async () => {
    await emulator.close();
    await database.drop();
  });

  it("compares stored repositories pairwise with their READMEs, fetched once and then revalidated", async () => {
    const names = stored.slice(0, 3).map((row) => row.fullName);
    emulator.resetStats();
    const result = await runCli(["redundancy", ...names, "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    const pairs = JSON.parse(result.stdout);
    expect(pairs).toHaveLength(3);
    expect(pairs.map((p: { a: string; b: string }) => `${p.a} ${p.b}`)).toEqual([
      `${names[0]} ${names[1]}`,
      `${names[0]} ${names[2]}`,
      `${names[1]} ${names[2]}`,
    ]);
    for (const pair of pairs) {
      expect(pair).toMatchObject({
        similarity: expect.any(Number),
        redundant: expect.any(Boolean),
        recommendation: expect.stringMatching(/^(deprecate-the-weaker|consolidate|collaborate|keep-both)$/),
        reason: expect.any(String),
      });
      expect(pair.redundant).toBe(pair.similarity >= 0.7);
    }
    const readmeRoute = Object.keys(emulator.stats().byRoute).find((route) => route.includes("readme"));
    expect(readmeRoute).toBeDefined();
    expect(emulator.stats().byRoute[readmeRoute!]).toBe(3);

    emulator.resetStats();
    const again = await runCli(["redundancy", ...names, "--json"], env);
    expect(JSON.parse(again.stdout)).toEqual(pairs);
    // The second run asks with the stored ETags and GitHub answers 304 Not Modified.
    expect(emulator.stats().notModified).toBe(3);

    // Without READMEs the text signal has less to go on, so the scores change.
    const bare = JSON.parse((await runCli(["redundancy", ...names, "--no-readme", "--json"], env)).stdout);
    expect(bare.map((p: { signals: { text: number } }) => p.signals.text)).not.toEqual(
      pairs.map((p: { signals: { text: number } }) => p.signals.text),
    );
  });

  it("uses the redundancy.threshold setting and lets --threshold override it", async () => {
    const names = stored.slice(0, 2).map((row) => row.fullName);
    expect((await runCli(["config", "set", "redundancy.threshold", "0"], env)).code).toBe(0);
    const fromSetting = JSON.parse(
      (await runCli(["redundancy", ...names, "--json", "--no-readme"], env)).stdout,
    );
    expect(fromSetting[0].redundant).toBe(true);
    const overridden = JSON.parse(
      (await runCli(["redundancy", ...names, "--threshold", "1", "--json", "--no-readme"], env)).stdout,
    );
    expect(overridden[0].redundant).toBe(overridden[0].similarity >= 1);
    expect((await runCli(["config", "set", "redundancy.threshold", "0.7"], env)).code).toBe(0);
  });

  it("prints a table on a terminal-less stdout too", async () => {
    const result = await runCli(["redundancy", ...stored.slice(0, 2).map((row) => row.fullName)], env);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^a\s+b\s+similarity\s+redundant\s+recommendation/);
    expect(result.stdout).toContain(stored[0]!.fullName);
  });

  it("refuses bad input with one clear line", async () => {
    const [first, second] = stored.map((row) => row.fullName);
    const cases: [string[], number, RegExp][] = [
      [
        ["redundancy", first!, "nobody-here/nothing-here"],
        2,
        /nobody-here\/nothing-here is not in the store/,
      ],
      [["redundancy", first!, second!, "--threshold", "1.5"], 2, /between 0 and 1/],
      [["redundancy", first!, second!, "--threshold", "-0.1"], 2, /between 0 and 1/],
      [["redundancy", first!], 2, /at least two/],
      [["redundancy", first!, first!.toUpperCase()], 2, /at least two different/],
      [["redundancy"], 2, /at least two/],
      [["redundancy", "not a repo", first!], 2, /not a repository name/],
      [["redundancy", "--input", join(home, "missing.jsonl")], 2, /Cannot read .*missing\.jsonl/],
      [["redundancy", first!, "--input", "x.jsonl"], 2, /not both/],
    ];
    for (const [args, code, message] of cases) {
      const result = await runCli(args, env);
      expect(result.code, `${args.join(" ")}: ${result.stderr}`).toBe(code);
      expect(result.stderr.trim().split("\n")).toHaveLength(1);
      expect(result.stderr).toMatch(message);
    }
  });

  it("says in one line when GitHub cannot be reached for READMEs, and works without them", async () => {
    const names = stored.slice(0, 2).map((row) => row.fullName);
    const unreachable = { ...env, GITHUB_API_URL: "http://127.0.0.1:1" };
    const failed = await runCli(["redundancy", ...names], unreachable);
    expect(failed.code).toBe(1);
    expect(failed.stderr.trim().split("\n")).toHaveLength(1);
    expect(failed.stderr).toMatch(/Cannot reach GitHub.*--no-readme/);
    expect((await runCli(["redundancy", ...names, "--no-readme"], unreachable)).code).toBe(0);
  });

  it("compares a JSONL file without GitHub, reporting malformed lines by number and keeping the rest", async () => {
    const file = join(home, "projects.jsonl");
    writeFileSync(
      file,
      [
        JSON.stringify({
          name: "fetchy",
          description: "HTTP client library for Python with sessions and retries",
          language: "Python",
          stars: 40000,
        }),
        JSON.stringify({
          name: "swoosh",
          description: "Python HTTP client library with sessions, retries and HTTP/2",
          language: "Python",
          stars: 900,
        }),
        "{oops",
        JSON.stringify({
          name: "gofetch",
          description: "HTTP client library for Go with sessions and retries",
          language: "Go",
        }),
        JSON.stringify({
          name: "checkmate",
          description: "A unit testing framework with fixtures and assertions",
        }),
      ].join("\n"),
    );
    // No database and no GitHub: a file needs neither.
    const offline = {
      ...env,
      GLOBALLM_DATABASE_URL: "postgres://nobody@127.0.0.1:1/none",
      GITHUB_API_URL: "http://127.0.0.1:1",
    };
    const result = await runCli(["redundancy", "--input", file, "--threshold", "0.7", "--json"], offline);
    expect(result.code).toBe(2);
    const errors = result.stderr.trim().split("\n");
    expect(errors[0]).toMatch(/projects\.jsonl line 3 is not valid JSON/);
    expect(errors.at(-1)).toMatch(/1 malformed line .* skipped/);
    const pairs = JSON.parse(result.stdout);
    expect(pairs).toHaveLength(6);
    const byNames = (a: string, b: string) =>
      pairs.find((p: { a: string; b: string }) => p.a === a && p.b === b);
    expect(byNames("fetchy", "swoosh")).toMatchObject({
      redundant: true,
      recommendation: "deprecate-the-weaker",
    });
    expect(byNames("fetchy", "gofetch")).toMatchObject({ redundant: true, recommendation: "collaborate" });
    expect(byNames("fetchy", "checkmate")).toMatchObject({ redundant: false, recommendation: "keep-both" });

    const clean = join(home, "one.jsonl");
    writeFileSync(clean, `${JSON.stringify({ name: "alone" })}\n`);
    const single = await runCli(["redundancy", "--input", clean, "--threshold", "0.5"], offline);
    expect(single.code).toBe(2);
    expect(single.stderr).toMatch(/at least two projects; .*one\.jsonl has 1 valid line/);
  });
});
