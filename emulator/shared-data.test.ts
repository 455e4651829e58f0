import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repositorySignalsQuery, repositorySignalsVariables } from "../lib/github/queries/repository-signals";
import { haveSharedData, sharedDataDir, sharedDataFile } from "../test/shared-data";
import { parseCsvRecords } from "./seed/csv";
import { worldFromSharedData } from "./seed/shared-data";
import type { GitHubEmulator } from "./start-emulator";
import { DAY, FIXED_NOW, startTestEmulator } from "./test-helpers";

const row = (file: string, fullName: string) => {
  const records = parseCsvRecords(readFileSync(sharedDataFile(`criticality/${file}`), "utf8"));
  const found = records.find((r) => r.url === `https://github.com/${fullName}`);
  if (!found) throw new Error(`${fullName} is not in ${file}`);
  return found;
};

describe.runIf(
  haveSharedData("criticality/c_top_200.csv", "emulator world from the shared criticality data"),
)("a world from ../shared/data", () => {
  let emulator: GitHubEmulator;

  beforeAll(async () => {
    const world = worldFromSharedData(sharedDataDir(), {
      languages: ["c", "cplusplus", "python"],
      now: FIXED_NOW,
    });
    emulator = await startTestEmulator({ world });
  });
  afterAll(() => emulator?.close());

  it("has every repository of the chosen files", () => {
    expect(emulator.world.repositories.length).toBe(600);
    expect(emulator.index.repository("git", "git")).toBeDefined();
  });

  it("reproduces a row's signals through GraphQL, reading the swapped issue columns by name", async () => {
    const git = row("c_top_200.csv", "git/git");
    // In the C file the closed-issues column comes before the updated-issues column.
    expect(Object.keys(git).indexOf("closed_issues_count")).toBeLessThan(
      Object.keys(git).indexOf("updated_issues_count"),
    );
    const response = await fetch(emulator.graphqlUrl, {
      method: "POST",
      headers: { authorization: "token ghp_shared" },
      body: JSON.stringify({
        query: repositorySignalsQuery([{ owner: "git", name: "git" }]),
        variables: repositorySignalsVariables(FIXED_NOW),
      }),
    });
    const node = (
      (await response.json()) as {
        data: {
          r0: Record<string, { totalCount: number }> & {
            defaultBranchRef: { target: { history365: { totalCount: number } } };
          };
        };
      }
    ).data.r0;
    expect(node.updatedIssues90?.totalCount).toBe(Number(git.updated_issues_count));
    expect(node.closedIssues90?.totalCount).toBe(Number(git.closed_issues_count));
    expect(node.mentionableUsers?.totalCount).toBe(Number(git.contributor_count));
    expect(node.releases?.totalCount).toBe(Number(git.recent_releases_count));
    const yearly = Math.round(Number(git.commit_frequency) * 52);
    const commits = node.defaultBranchRef.target.history365.totalCount;
    expect(commits).toBeGreaterThanOrEqual(yearly);
    expect(commits).toBeLessThanOrEqual(yearly + Number(git.commit_frequency) * 2);
    const view = emulator.index.repository("git", "git");
    const comments = view?.repo.issues.reduce((sum, i) => sum + i.comments, 0) ?? 0;
    expect(comments / (view?.repo.issues.length ?? 1)).toBeCloseTo(Number(git.comment_frequency), 1);
  });

  it("keeps dependents known where the row has them and unknown where no registry applies", async () => {
    const python = emulator.world.repositories.find((r) => r.language === "Python" && r.packages.length > 0);
    const pkg = python?.packages[0];
    if (!python || !pkg) throw new Error("no python package");
    const expected = Number(row("python_top_200.csv", `${python.owner}/${python.name}`).dependents_count);
    const known = await fetch(
      `${emulator.depsDevUrl}/v3alpha/systems/pypi/packages/${encodeURIComponent(pkg.name)}/versions/${encodeURIComponent(pkg.versions.at(-1)?.version ?? "")}:dependents`,
    );
    expect(((await known.json()) as { directDependentCount: number }).directDependentCount).toBe(expected);
    const unknown = await fetch(
      `${emulator.depsDevUrl}/v3/projects/${encodeURIComponent("github.com/git/git")}:packageversions`,
    );
    expect(((await unknown.json()) as { versions: unknown[] }).versions).toEqual([]);
  });

  it("uses the NLBSE issue texts, a repository's own where it has them", async () => {
    const texts = parseCsvRecords(readFileSync(sharedDataFile("issues/nlbse24_train.csv"), "utf8"));
    const tensorflowTitles = new Set(
      texts.filter((t) => t.repo === "tensorflow/tensorflow").map((t) => t.title),
    );
    const issues = emulator.index.repository("tensorflow", "tensorflow")?.repo.issues ?? [];
    expect(issues.length).toBeGreaterThan(0);
    expect(issues.every((i) => tensorflowTitles.has(i.title))).toBe(true);
    expect(new Set(issues.flatMap((i) => i.labels))).toEqual(new Set(["bug", "enhancement", "question"]));
    const since = new Date(FIXED_NOW.getTime() - 90 * DAY).toISOString();
    const listed = await fetch(
      `${emulator.apiUrl}/repos/tensorflow/tensorflow/issues?state=all&per_page=100&since=${since}`,
      { headers: { authorization: "token ghp_shared" } },
    );
    expect(((await listed.json()) as unknown[]).length).toBe(100);
  });
});
