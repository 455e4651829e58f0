/**
 * One page of a repository's issues with what prioritization and assignment need: labels, human
 * assignees and linked pull requests (cross-references from pull requests that will close it). Validated against
 * GitHub's schema in fetch-query.test.ts.
 */
export const repositoryIssuesQuery = /* GraphQL */ `
query RepositoryIssues($owner: String!, $name: String!, $after: String, $states: [IssueState!], $since: DateTime) {
  rateLimit { cost remaining resetAt }
  repository(owner: $owner, name: $name) {
    issues(first: 100, after: $after, states: $states, filterBy: { since: $since }, orderBy: { field: UPDATED_AT, direction: ASC }) {
      totalCount
      pageInfo { hasNextPage endCursor }
      nodes {
        number
        title
        body
        state
        stateReason
        url
        createdAt
        updatedAt
        closedAt
        author { login }
        comments { totalCount }
        labels(first: 30) { nodes { name } }
        assignees(first: 10) { nodes { login } }
        timelineItems(first: 20, itemTypes: [CROSS_REFERENCED_EVENT]) {
          nodes {
            __typename
            ... on CrossReferencedEvent { willCloseTarget source { __typename ... on PullRequest { number state } } }
          }
        }
      }
    }
  }
}`;

export interface IssueNode {
  number: number;
  title: string;
  body: string | null;
  state: "OPEN" | "CLOSED";
  stateReason: string | null;
  url: string;
  createdAt: string;
  updatedAt: string;
  closedAt: string | null;
  author: { login: string } | null;
  comments: { totalCount: number };
  labels: { nodes: { name: string }[] } | null;
  assignees: { nodes: { login: string }[] };
  timelineItems: {
    nodes: ({
      __typename: string;
      willCloseTarget?: boolean;
      source?: { __typename: string; number?: number; state?: string };
    } | null)[];
  };
}

export interface RepositoryIssuesPage {
  repository: {
    issues: {
      totalCount: number;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
      nodes: IssueNode[];
    };
  } | null;
}
