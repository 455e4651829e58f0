import type { NewIssue } from "../db/schema";
import type { IssueNode } from "./fetch-query";

/** Bots are not humans working on an issue (renovate[bot], dependabot[bot], github-actions …). */
export function isBot(login: string): boolean {
  return /\[bot\]$|^(dependabot|renovate|github-actions|codecov|stale|allcontributors)\b/i.test(login);
}

/**
 * Pull requests that will close the issue ("fixes #12") and are open or merged: someone is on it.
 * A mere mention does not count.
 */
export function linkedPullRequests(node: IssueNode): number[] {
  const numbers = new Set<number>();
  for (const item of node.timelineItems.nodes) {
    const pull = item?.source;
    if (!item?.willCloseTarget || pull?.__typename !== "PullRequest" || pull.number === undefined) continue;
    if (pull.state !== "CLOSED") numbers.add(pull.number);
  }
  return [...numbers].sort((a, b) => a - b);
}

/** An issue as stored: the columns prioritization and assignment filter on, the rest in `data`. */
export function issueRow(repositoryId: number, node: IssueNode): NewIssue {
  const assignees = node.assignees.nodes.map((user) => user.login);
  const linked = linkedPullRequests(node);
  return {
    repositoryId,
    number: node.number,
    title: node.title,
    body: node.body,
    url: node.url,
    state: node.state === "OPEN" ? "open" : "closed",
    labels: (node.labels?.nodes ?? []).map((label) => label.name),
    hasLinkedPr: linked.length > 0,
    hasHumanAssignee: assignees.some((login) => !isBot(login)),
    githubCreatedAt: new Date(node.createdAt),
    githubUpdatedAt: new Date(node.updatedAt),
    closedAt: node.closedAt ? new Date(node.closedAt) : null,
    data: {
      author: node.author?.login ?? null,
      comments: node.comments.totalCount,
      assignees,
      linkedPullRequests: linked,
      stateReason: node.stateReason,
    },
  };
}
