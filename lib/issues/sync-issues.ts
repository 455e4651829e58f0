import { eq, max, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { issues, type Repository } from "../db/schema";
import type { GitHubClient } from "../github/client";
import { githubError } from "../github/errors";
import { type IssueNode, type RepositoryIssuesPage, repositoryIssuesQuery } from "./fetch-query";
import { fetchIssuesOverRest } from "./fetch-rest";
import { issueRow } from "./normalize-issue";

export interface SyncOptions {
  state: "open" | "closed" | "all";
  /** Ignore what is stored and fetch everything again. */
  full?: boolean;
  onProgress?: (fetched: number, total: number | null) => void;
}

export interface SyncResult {
  fetched: number;
  inserted: number;
  updated: number;
  /** The `since` used for incremental sync, if any. */
  since: Date | null;
}

// Issues edited within a minute of the newest stored one are fetched again: GitHub's `since` is
// inclusive and clocks differ; re-upserting a few is cheaper than missing one.
const OVERLAP_MS = 60_000;

/**
 * Fetches a repository's issues (pull requests excluded) with full pagination and stores them.
 * Incremental: only issues updated since the newest stored one, unless `full`.
 */
export async function syncIssues(
  db: Database,
  github: GitHubClient,
  repository: Repository,
  options: SyncOptions,
): Promise<SyncResult> {
  const [owner = "", name = ""] = repository.fullName.split("/");
  const [newest] = await db
    .select({ at: max(issues.githubUpdatedAt) })
    .from(issues)
    .where(eq(issues.repositoryId, repository.id));
  const since = !options.full && newest?.at ? new Date(newest.at.getTime() - OVERLAP_MS) : null;
  let nodes: IssueNode[];
  try {
    nodes = github.anonymous
      ? await fetchIssuesOverRest(
          github,
          { owner, name },
          { state: options.state, since: since ?? undefined },
        )
      : await fetchIssuesOverGraphql(
          github,
          { owner, name },
          { state: options.state, since, onProgress: options.onProgress },
        );
  } catch (error) {
    throw githubError(error, `repository ${repository.fullName}`, { anonymous: github.anonymous });
  }
  let inserted = 0;
  for (let start = 0; start < nodes.length; start += 200) {
    const rows = nodes.slice(start, start + 200).map((node) => issueRow(repository.id, node));
    const result = await db
      .insert(issues)
      .values(rows)
      .onConflictDoUpdate({
        target: [issues.repositoryId, issues.number],
        set: {
          title: sql`excluded.title`,
          body: sql`excluded.body`,
          url: sql`excluded.url`,
          state: sql`excluded.state`,
          labels: sql`excluded.labels`,
          hasLinkedPr: sql`excluded.has_linked_pr`,
          hasHumanAssignee: sql`excluded.has_human_assignee`,
          githubUpdatedAt: sql`excluded.github_updated_at`,
          closedAt: sql`excluded.closed_at`,
          data: sql`excluded.data`,
          updatedAt: sql`now()`,
        },
      })
      .returning({ inserted: sql<boolean>`(xmax = 0)` });
    inserted += result.filter((row) => row.inserted).length;
  }
  return { fetched: nodes.length, inserted, updated: nodes.length - inserted, since };
}

async function fetchIssuesOverGraphql(
  github: GitHubClient,
  ref: { owner: string; name: string },
  options: { state: SyncOptions["state"]; since: Date | null; onProgress?: SyncOptions["onProgress"] },
): Promise<IssueNode[]> {
  const states = options.state === "all" ? ["OPEN", "CLOSED"] : [options.state.toUpperCase()];
  const nodes: IssueNode[] = [];
  let after: string | null = null;
  for (;;) {
    const { data }: { data: RepositoryIssuesPage } = await github.graphql<RepositoryIssuesPage>(
      repositoryIssuesQuery,
      {
        owner: ref.owner,
        name: ref.name,
        after,
        states,
        since: options.since?.toISOString() ?? null,
      },
    );
    const connection: NonNullable<RepositoryIssuesPage["repository"]>["issues"] | undefined =
      data.repository?.issues;
    if (!connection)
      throw Object.assign(new Error(`GitHub has no repository ${ref.owner}/${ref.name}`), { status: 404 });
    nodes.push(...connection.nodes);
    options.onProgress?.(nodes.length, connection.totalCount);
    if (!connection.pageInfo.hasNextPage || !connection.pageInfo.endCursor) return nodes;
    after = connection.pageInfo.endCursor;
  }
}
