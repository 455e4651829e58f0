import type { RepositorySignals } from "./signals";

/**
 * A healthy, mid-sized, actively maintained library as of 2024-06-01, for tests: override only
 * what a test is about so each assertion reads as "this, and otherwise typical".
 */
export function makeSignals(overrides: Partial<RepositorySignals> = {}): RepositorySignals {
  return {
    fullName: "example/widget",
    description: "A small library for widgets",
    language: "TypeScript",
    topics: [],
    license: "MIT",
    homepage: null,
    stars: 1200,
    forks: 150,
    watchers: 40,
    isArchived: false,
    isFork: false,
    isMirror: false,
    isTemplate: false,
    createdAt: "2019-01-01T00:00:00Z",
    pushedAt: "2024-05-30T00:00:00Z",
    lastCommitAt: "2024-05-30T00:00:00Z",
    commits: { last30: 12, last90: 40, last365: 150 },
    contributors: 45,
    contributorOrgs: 3,
    issues: { open: 30, updatedLast90: 40, closedLast90: 25, commentFrequency: 2.5 },
    pullRequests: { open: 6, mergedLast90: 20, mergedTotal: 600 },
    releases: { total: 35, last365: 6, latestAt: "2024-04-15T00:00:00Z" },
    ci: { present: true, providers: ["github-actions"], passing: true },
    docs: { hasReadme: true, readmeBytes: 9000, hasDocs: true, hasContributing: true, hasLicense: true },
    rootEntries: ["package.json", "src", "README.md", "LICENSE", ".github", "tsconfig.json"],
    dependents: { direct: 300, total: 2500, packages: ["npm/widget"] },
    pagerank: null,
    measuredAt: "2024-06-01T00:00:00Z",
    ...overrides,
  };
}
