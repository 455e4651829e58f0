/**
 * One GraphQL request fetches metadata and health signals for many repositories at once (one alias
 * per repository), which is how a first analysis stays far below one request per repository.
 * Validated against GitHub's public schema in repository-signals.test.ts.
 */

export const repositorySignalsFragment = /* GraphQL */ `
fragment RepositorySignals on Repository {
  nameWithOwner
  description
  homepageUrl
  stargazerCount
  forkCount
  isArchived
  isFork
  isMirror
  isTemplate
  createdAt
  pushedAt
  primaryLanguage { name }
  licenseInfo { spdxId }
  repositoryTopics(first: 20) { nodes { topic { name } } }
  watchers { totalCount }
  mentionableUsers { totalCount }
  openIssues: issues(states: OPEN) { totalCount }
  closedIssues90: issues(states: CLOSED, filterBy: { since: $issuesSince90 }) { totalCount }
  updatedIssues90: issues(filterBy: { since: $issuesSince90 }) { totalCount }
  openPullRequests: pullRequests(states: OPEN) { totalCount }
  mergedPullRequests: pullRequests(states: MERGED, first: 30, orderBy: { field: UPDATED_AT, direction: DESC }) {
    totalCount
    nodes { mergedAt }
  }
  releases(first: 20, orderBy: { field: CREATED_AT, direction: DESC }) {
    totalCount
    nodes { createdAt }
  }
  rootTree: object(expression: "HEAD:") { ... on Tree { entries { name type } } }
  workflows: object(expression: "HEAD:.github/workflows") { ... on Tree { entries { name } } }
  defaultBranchRef {
    name
    target {
      ... on Commit {
        history30: history(since: $since30) { totalCount }
        history90: history(since: $since90) { totalCount }
        history365: history(since: $since365) { totalCount }
        lastCommit: history(first: 1) { nodes { committedDate } }
        statusCheckRollup { state }
        checkSuites(first: 10) { nodes { conclusion status app { slug } } }
      }
    }
  }
}`;

export interface RepositoryRef {
  owner: string;
  name: string;
}

/** GraphQL string literal for an owner or name (JSON escaping is valid GraphQL escaping). */
const literal = (text: string) => JSON.stringify(text);

export function repositorySignalsQuery(repositories: RepositoryRef[]): string {
  const fields = repositories
    .map(
      (repo, index) =>
        `  r${index}: repository(owner: ${literal(repo.owner)}, name: ${literal(repo.name)}) { ...RepositorySignals }`,
    )
    .join("\n");
  return `query RepositorySignals($since30: GitTimestamp!, $since90: GitTimestamp!, $since365: GitTimestamp!, $issuesSince90: DateTime!) {
  rateLimit { cost remaining limit used resetAt }
${fields}
}
${repositorySignalsFragment}`;
}

export function repositorySignalsVariables(now: Date): Record<string, string> {
  const ago = (days: number) => new Date(now.getTime() - days * 86_400_000).toISOString();
  return { since30: ago(30), since90: ago(90), since365: ago(365), issuesSince90: ago(90) };
}

/** The shape of one aliased `repository` in the response (null when it does not exist). */
export interface RepositorySignalsNode {
  nameWithOwner: string;
  description: string | null;
  homepageUrl: string | null;
  stargazerCount: number;
  forkCount: number;
  isArchived: boolean;
  isFork: boolean;
  isMirror: boolean;
  isTemplate: boolean;
  createdAt: string;
  pushedAt: string | null;
  primaryLanguage: { name: string } | null;
  licenseInfo: { spdxId: string | null } | null;
  repositoryTopics: { nodes: { topic: { name: string } }[] };
  watchers: { totalCount: number };
  mentionableUsers: { totalCount: number };
  openIssues: { totalCount: number };
  closedIssues90: { totalCount: number };
  updatedIssues90: { totalCount: number };
  openPullRequests: { totalCount: number };
  mergedPullRequests: { totalCount: number; nodes: { mergedAt: string | null }[] };
  releases: { totalCount: number; nodes: { createdAt: string }[] };
  rootTree: { entries?: { name: string; type: string }[] } | null;
  workflows: { entries?: { name: string }[] } | null;
  defaultBranchRef: {
    name: string;
    target: {
      history30?: { totalCount: number };
      history90?: { totalCount: number };
      history365?: { totalCount: number };
      lastCommit?: { nodes: { committedDate: string }[] };
      statusCheckRollup?: { state: string } | null;
      checkSuites?: { nodes: { conclusion: string | null; status: string; app: { slug: string } | null }[] };
    } | null;
  } | null;
}
