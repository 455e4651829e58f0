/**
 * Everything GlobaLLM measures about a repository, normalised from GitHub (GraphQL/REST) and the
 * package ecosystems. `null` always means "could not be measured" — never zero — so scores can
 * leave that factor out and renormalise the weights instead of punishing the repository.
 */
export interface RepositorySignals {
  fullName: string;
  description: string | null;
  language: string | null;
  topics: string[];
  license: string | null;
  homepage: string | null;
  stars: number;
  forks: number;
  watchers: number | null;
  isArchived: boolean;
  isFork: boolean;
  isMirror: boolean;
  isTemplate: boolean;
  /** ISO timestamps. */
  createdAt: string;
  pushedAt: string | null;
  lastCommitAt: string | null;
  commits: { last30: number | null; last90: number | null; last365: number | null };
  /** Approximates contributors (GitHub's mentionable users). */
  contributors: number | null;
  /** Distinct organisations of the contributors (criticality's org_count); rarely known. */
  contributorOrgs: number | null;
  issues: {
    open: number | null;
    /** Issues updated in the last 90 days (criticality's updated_issues_count). */
    updatedLast90: number | null;
    /** Closed issues updated in the last 90 days (criticality's closed_issues_count). */
    closedLast90: number | null;
    /** Mean comments per issue over the last 90 days (criticality's comment_frequency). */
    commentFrequency: number | null;
  };
  pullRequests: { open: number | null; mergedLast90: number | null; mergedTotal: number | null };
  releases: { total: number | null; last365: number | null; latestAt: string | null };
  ci: {
    /** Whether any CI is configured (workflows, check suites, or a known CI file). */
    present: boolean | null;
    /** e.g. "github-actions", "travis", "circleci", "gitlab", "azure-pipelines", "jenkins", "appveyor", "buildkite", "drone". */
    providers: string[];
    /** Latest default-branch state: true green, false red, null unknown or pending. */
    passing: boolean | null;
  };
  docs: {
    hasReadme: boolean | null;
    readmeBytes: number | null;
    /** A docs/ directory, a documentation site (homepage), or a docs config (mkdocs.yml, docs/conf.py …). */
    hasDocs: boolean | null;
    hasContributing: boolean | null;
    hasLicense: boolean | null;
  };
  /** Root file and directory names, for telling libraries from apps, docs and awesome-lists. */
  rootEntries: string[] | null;
  dependents: {
    /** Direct dependents from the package ecosystem (deps.dev); null when unknown. */
    direct: number | null;
    /** Direct plus transitive dependents; null when unknown. */
    total: number | null;
    /** e.g. "pypi/requests", "npm/react". */
    packages: string[];
  };
  /** PageRank on the dependency graph (edge dependent → dependency), when the package is in it. */
  pagerank: number | null;
  /** When the signals were measured (ISO). */
  measuredAt: string;
}
