import type { GitHubClient } from "../github/client";
import type { IssueNode } from "./fetch-query";

interface RestIssue {
  number: number;
  title: string;
  body: string | null;
  state: string;
  state_reason?: string | null;
  html_url: string;
  created_at: string;
  updated_at: string;
  closed_at: string | null;
  user: { login: string } | null;
  comments: number;
  labels: (string | { name?: string })[];
  assignees?: { login: string }[] | null;
  pull_request?: unknown;
}

interface TimelineEvent {
  event?: string;
  source?: { issue?: { number?: number; state?: string; pull_request?: unknown } };
}

/**
 * Issues over REST, for use without a token (GitHub's GraphQL API needs one). Pull requests, which
 * REST lists among issues, are dropped; linked pull requests come from each open issue's timeline.
 */
export async function fetchIssuesOverRest(
  github: GitHubClient,
  ref: { owner: string; name: string },
  options: { state: "open" | "closed" | "all"; since?: Date },
): Promise<IssueNode[]> {
  const items = (await github.rest.paginate("GET /repos/{owner}/{repo}/issues", {
    owner: ref.owner,
    repo: ref.name,
    state: options.state,
    since: options.since?.toISOString(),
    sort: "updated",
    direction: "asc",
    per_page: 100,
  })) as unknown as RestIssue[];
  const nodes: IssueNode[] = [];
  for (const item of items) {
    if (item.pull_request) continue;
    const timeline =
      item.state === "open"
        ? ((await github.rest.paginate("GET /repos/{owner}/{repo}/issues/{issue_number}/timeline", {
            owner: ref.owner,
            repo: ref.name,
            issue_number: item.number,
            per_page: 100,
          })) as unknown as TimelineEvent[])
        : [];
    nodes.push({
      number: item.number,
      title: item.title,
      body: item.body,
      state: item.state === "open" ? "OPEN" : "CLOSED",
      stateReason: item.state_reason ?? null,
      url: item.html_url,
      createdAt: item.created_at,
      updatedAt: item.updated_at,
      closedAt: item.closed_at,
      author: item.user ? { login: item.user.login } : null,
      comments: { totalCount: item.comments },
      labels: {
        nodes: item.labels
          .map((label) => ({ name: typeof label === "string" ? label : (label.name ?? "") }))
          .filter((label) => label.name),
      },
      assignees: { nodes: (item.assignees ?? []).map((user) => ({ login: user.login })) },
      timelineItems: {
        nodes: timeline
          .filter((event) => event.event === "cross-referenced" && event.source?.issue?.pull_request)
          .map((event) => ({
            __typename: "CrossReferencedEvent",
            source: {
              __typename: "PullRequest",
              number: event.source?.issue?.number,
              state: event.source?.issue?.state === "open" ? "OPEN" : "MERGED",
            },
          })),
      },
    });
  }
  return nodes;
}
