import { describe, expect, it } from "vitest";
import type { RepositorySignalsNode } from "../github/queries/repository-signals";
import { detectCi } from "./ci-detection";
import { normalizeSignals } from "./normalize-signals";

const now = new Date("2026-06-01T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();

function node(overrides: Partial<RepositorySignalsNode> = {}): RepositorySignalsNode {
  return {
    nameWithOwner: "acme/widgets",
    description: "Widgets for everyone",
    homepageUrl: "",
    stargazerCount: 1200,
    forkCount: 80,
    isArchived: false,
    isFork: false,
    isMirror: false,
    isTemplate: false,
    createdAt: daysAgo(2000),
    pushedAt: daysAgo(2),
    primaryLanguage: { name: "Python" },
    licenseInfo: { spdxId: "MIT" },
    repositoryTopics: { nodes: [{ topic: { name: "widgets" } }] },
    watchers: { totalCount: 40 },
    mentionableUsers: { totalCount: 33 },
    openIssues: { totalCount: 12 },
    closedIssues90: { totalCount: 9 },
    updatedIssues90: { totalCount: 20 },
    openPullRequests: { totalCount: 3 },
    mergedPullRequests: {
      totalCount: 4,
      nodes: [
        { mergedAt: daysAgo(10) },
        { mergedAt: daysAgo(50) },
        { mergedAt: daysAgo(120) },
        { mergedAt: null },
      ],
    },
    releases: { totalCount: 2, nodes: [{ createdAt: daysAgo(30) }, { createdAt: daysAgo(400) }] },
    rootTree: {
      entries: [
        { name: "README.md", type: "blob" },
        { name: "docs", type: "tree" },
        { name: "pyproject.toml", type: "blob" },
        { name: ".github", type: "tree" },
      ],
    },
    workflows: { entries: [{ name: "ci.yml" }] },
    defaultBranchRef: {
      name: "main",
      target: {
        history30: { totalCount: 5 },
        history90: { totalCount: 20 },
        history365: { totalCount: 100 },
        lastCommit: { nodes: [{ committedDate: daysAgo(2) }] },
        statusCheckRollup: { state: "SUCCESS" },
        checkSuites: {
          nodes: [{ conclusion: "SUCCESS", status: "COMPLETED", app: { slug: "github-actions" } }],
        },
      },
    },
    ...overrides,
  };
}

describe("normalizeSignals", () => {
  it("maps the GraphQL answer to signals, with windows counted from now", () => {
    const signals = normalizeSignals(node(), now);
    expect(signals).toMatchObject({
      fullName: "acme/widgets",
      language: "Python",
      license: "MIT",
      homepage: null,
      commits: { last30: 5, last90: 20, last365: 100 },
      issues: { open: 12, closedLast90: 9, updatedLast90: 20, commentFrequency: null },
      pullRequests: { open: 3, mergedTotal: 4, mergedLast90: 2 },
      releases: { total: 2, last365: 1, latestAt: daysAgo(30) },
      ci: { present: true, providers: ["github-actions"], passing: true },
      docs: { hasReadme: true, hasDocs: true, hasLicense: true, hasContributing: false },
      dependents: { direct: null, total: null, packages: [] },
    });
  });

  it("keeps what was not measured unknown instead of zero", () => {
    const signals = normalizeSignals(node({ rootTree: null, workflows: null, defaultBranchRef: null }), now);
    expect(signals.commits).toEqual({ last30: null, last90: null, last365: null });
    expect(signals.ci).toEqual({ present: null, providers: [], passing: null });
    expect(signals.docs.hasReadme).toBeNull();
    expect(signals.rootEntries).toBeNull();
  });

  it("does not guess merged PRs in 90 days when the newest 30 are all recent", () => {
    const nodes = Array.from({ length: 30 }, () => ({ mergedAt: daysAgo(5) }));
    const signals = normalizeSignals(node({ mergedPullRequests: { totalCount: 500, nodes } }), now);
    expect(signals.pullRequests.mergedLast90).toBeNull();
  });
});

describe("detectCi", () => {
  it("recognises GitHub Actions and the common others", () => {
    expect(
      detectCi({
        rootEntries: [".travis.yml", "Jenkinsfile"],
        workflowFiles: [],
        checkSuites: [],
        rollupState: null,
      }).providers,
    ).toEqual(["jenkins", "travis"]);
    expect(
      detectCi({
        rootEntries: ["README.md"],
        workflowFiles: [],
        checkSuites: [{ app: "circleci-checks", conclusion: "FAILURE", status: "COMPLETED" }],
        rollupState: null,
      }),
    ).toEqual({
      present: true,
      providers: ["circleci"],
      passing: false,
    });
    expect(
      detectCi({ rootEntries: ["README.md"], workflowFiles: [], checkSuites: [], rollupState: null }),
    ).toEqual({ present: false, providers: [], passing: null });
  });
});
