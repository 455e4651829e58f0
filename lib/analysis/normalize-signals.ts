import type { RepositorySignalsNode } from "../github/queries/repository-signals";
import type { RepositorySignals } from "../scoring/signals";
import { detectCi } from "./ci-detection";

const DAY = 86_400_000;

function countSince(dates: (string | null)[], since: number): number {
  return dates.filter((date) => date !== null && Date.parse(date) >= since).length;
}

/**
 * Turns one repository of the batched GraphQL answer into RepositorySignals. What the answer does
 * not contain stays null (unknown), so scores can leave it out rather than count it as zero.
 */
export function normalizeSignals(
  node: RepositorySignalsNode,
  now: Date,
  dependents?: RepositorySignals["dependents"],
): RepositorySignals {
  const commit = node.defaultBranchRef?.target ?? null;
  const rootEntries = node.rootTree?.entries?.map((entry) => entry.name) ?? null;
  const has = (pattern: RegExp) => (rootEntries ? rootEntries.some((name) => pattern.test(name)) : null);
  const since90 = now.getTime() - 90 * DAY;
  const since365 = now.getTime() - 365 * DAY;
  const merged = node.mergedPullRequests;
  // mergedAt of the 30 most recently updated merged PRs: exact when fewer than 30 are recent.
  const mergedLast90 = countSince(
    merged.nodes.map((pr) => pr.mergedAt),
    since90,
  );
  const releaseDates = node.releases.nodes.map((release) => release.createdAt);
  return {
    fullName: node.nameWithOwner,
    description: node.description,
    language: node.primaryLanguage?.name ?? null,
    topics: node.repositoryTopics.nodes.map((entry) => entry.topic.name),
    license: node.licenseInfo?.spdxId ?? null,
    homepage: node.homepageUrl || null,
    stars: node.stargazerCount,
    forks: node.forkCount,
    watchers: node.watchers.totalCount,
    isArchived: node.isArchived,
    isFork: node.isFork,
    isMirror: node.isMirror,
    isTemplate: node.isTemplate,
    createdAt: node.createdAt,
    pushedAt: node.pushedAt,
    lastCommitAt: commit?.lastCommit?.nodes[0]?.committedDate ?? null,
    commits: {
      last30: commit?.history30?.totalCount ?? null,
      last90: commit?.history90?.totalCount ?? null,
      last365: commit?.history365?.totalCount ?? null,
    },
    contributors: node.mentionableUsers.totalCount,
    contributorOrgs: null,
    issues: {
      open: node.openIssues.totalCount,
      updatedLast90: node.updatedIssues90.totalCount,
      closedLast90: node.closedIssues90.totalCount,
      commentFrequency: null,
    },
    pullRequests: {
      open: node.openPullRequests.totalCount,
      mergedLast90:
        merged.nodes.length === merged.totalCount || mergedLast90 < merged.nodes.length ? mergedLast90 : null,
      mergedTotal: merged.totalCount,
    },
    releases: {
      total: node.releases.totalCount,
      last365:
        releaseDates.length === node.releases.totalCount ||
        countSince(releaseDates, since365) < releaseDates.length
          ? countSince(releaseDates, since365)
          : null,
      latestAt: releaseDates[0] ?? null,
    },
    ci: detectCi({
      rootEntries,
      workflowFiles: node.workflows?.entries?.map((entry) => entry.name) ?? (rootEntries ? [] : null),
      checkSuites: commit?.checkSuites
        ? commit.checkSuites.nodes.map((suite) => ({
            app: suite.app?.slug ?? null,
            conclusion: suite.conclusion,
            status: suite.status,
          }))
        : null,
      rollupState: commit?.statusCheckRollup?.state ?? null,
    }),
    docs: {
      hasReadme: has(/^readme(\.|$)/i),
      readmeBytes: null,
      hasDocs: rootEntries
        ? has(/^(docs?|documentation|mkdocs\.ya?ml|book\.toml|\.readthedocs\.ya?ml)$/i) ||
          Boolean(node.homepageUrl)
        : null,
      hasContributing: has(/^contributing(\.|$)/i),
      hasLicense: node.licenseInfo ? true : has(/^(license|licence|copying)(\.|$)/i),
    },
    rootEntries,
    dependents: dependents ?? { direct: null, total: null, packages: [] },
    pagerank: null,
    measuredAt: now.toISOString(),
  };
}
