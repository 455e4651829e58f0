import type { EmulatorContext } from "../../server/context";
import { notFound, validationFailed } from "../../server/github-errors";
import type { EmulatorRequest, EmulatorResponse, Router } from "../../server/router";
import { parseTime } from "../../world/dates";
import type { RepositoryView } from "../../world/repository-view";
import type { Issue, Pull } from "../../world/world-schema";
import { paginated } from "../paginate";
import { simpleUser } from "../shapes/accounts";
import { commentShape, isPull, issueShape, pullShape } from "../shapes/issues";
import { intParam, withRepository } from "./with-repository";

const ISSUES_DOCS = "https://docs.github.com/rest/issues/issues#list-repository-issues";

type Item = Issue | Pull;

function sortItems<T extends Item>(items: T[], sort: string, direction: string): T[] {
  const key = (item: T) =>
    sort === "updated"
      ? Date.parse(item.updatedAt)
      : sort === "comments"
        ? item.comments
        : Date.parse(item.createdAt);
  const sign = direction === "asc" ? 1 : -1;
  // Ties break by number so pages never overlap.
  return items.sort((a, b) => (key(a) - key(b)) * sign || (a.number - b.number) * sign);
}

function issuesDisabled(): EmulatorResponse {
  return {
    status: 410,
    body: { message: "Issues are disabled for this repo", documentation_url: ISSUES_DOCS },
  };
}

/** `GET /repos/{o}/{r}/issues`: issues and pull requests, filtered like GitHub. */
function listIssues(ctx: EmulatorContext, request: EmulatorRequest, view: RepositoryView): EmulatorResponse {
  if (!view.repo.hasIssues && view.repo.pulls.length === 0) return issuesDisabled();
  const q = request.query;
  const state = q.get("state") ?? "open";
  if (!["open", "closed", "all"].includes(state))
    return validationFailed(
      "Validation Failed",
      [{ resource: "Issue", field: "state", code: "invalid" }],
      ISSUES_DOCS,
    );
  const sinceText = q.get("since");
  const since = sinceText ? parseTime(sinceText) : undefined;
  if (Number.isNaN(since))
    return validationFailed(
      "Validation Failed",
      [{ resource: "Issue", field: "since", code: "invalid" }],
      ISSUES_DOCS,
    );
  const labels = (q.get("labels") ?? "")
    .split(",")
    .map((l) => l.trim().toLowerCase())
    .filter(Boolean);
  const assignee = q.get("assignee");
  const creator = q.get("creator")?.toLowerCase();
  const items: Item[] = [...view.repo.issues, ...view.repo.pulls].filter((item) => {
    if (state !== "all" && item.state !== state) return false;
    if (since !== undefined && Date.parse(item.updatedAt) < since) return false;
    if (labels.length && !labels.every((l) => item.labels.some((name) => name.toLowerCase() === l)))
      return false;
    if (creator && item.author.toLowerCase() !== creator) return false;
    if (assignee === "none" && item.assignees.length > 0) return false;
    if (assignee === "*" && item.assignees.length === 0) return false;
    if (
      assignee &&
      assignee !== "none" &&
      assignee !== "*" &&
      !item.assignees.some((a) => a.toLowerCase() === assignee.toLowerCase())
    )
      return false;
    return true;
  });
  sortItems(items, q.get("sort") ?? "created", q.get("direction") ?? "desc");
  return paginated(ctx.urls, request, items, (item) => issueShape(ctx.urls, ctx.index, view, item), {
    repositoryId: view.repo.id,
  });
}

export function registerIssueRoutes(router: Router, ctx: EmulatorContext): void {
  const { urls, index } = ctx;
  const item = (view: RepositoryView, n: string | undefined) => {
    const number = intParam(n);
    return number === undefined ? undefined : view.byNumber(number);
  };

  router.add(
    "GET",
    "/repos/:owner/:repo/issues",
    withRepository(ctx, (request, view) => listIssues(ctx, request, view)),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/issues/:number",
    withRepository(ctx, (request, view) => {
      const found = item(view, request.params.number);
      if (!found) return notFound("https://docs.github.com/rest/issues/issues#get-an-issue");
      return {
        status: 200,
        body: {
          ...issueShape(urls, index, view, found),
          closed_by: found.closedAt
            ? simpleUser(urls, index.ensureUser(view.repo.contributors[0]?.login ?? view.repo.owner))
            : null,
        },
      };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/issues/:number/comments",
    withRepository(ctx, (request, view) => {
      const found = item(view, request.params.number);
      if (!found) return notFound("https://docs.github.com/rest/issues/comments#list-issue-comments");
      const since = request.query.get("since") ? parseTime(request.query.get("since")) : undefined;
      const comments = Array.from({ length: found.comments }, (_, k) =>
        commentShape(urls, index, view, found, k),
      ).filter((c) => since === undefined || Number.isNaN(since) || Date.parse(c.updated_at) >= since);
      return paginated(urls, request, comments, (c) => c, { repositoryId: view.repo.id });
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/issues/:number/timeline",
    withRepository(ctx, (request, view) => {
      const found = item(view, request.params.number);
      if (!found)
        return notFound("https://docs.github.com/rest/issues/timeline#list-timeline-events-for-an-issue");
      const linked = isPull(found)
        ? []
        : found.linkedPullRequests.map((n) => view.byNumber(n)).filter((p): p is Item => p !== undefined);
      // A pull request that says "Fixes #n" shows up on the issue as a cross-reference.
      const events: unknown[] = linked.map((pull) => ({
        event: "cross-referenced",
        actor: simpleUser(urls, index.ensureUser(pull.author)),
        created_at: pull.createdAt,
        updated_at: pull.createdAt,
        source: { type: "issue", issue: issueShape(urls, index, view, pull, true) },
      }));
      if (found.closedAt) {
        events.push({
          id: Date.parse(found.closedAt) / 1000,
          event: "closed",
          actor: simpleUser(urls, index.ensureUser(view.repo.contributors[0]?.login ?? view.repo.owner)),
          commit_id: null,
          created_at: found.closedAt,
          state_reason: isPull(found) ? null : found.stateReason,
        });
      }
      return paginated(urls, request, events, (e) => e, { repositoryId: view.repo.id });
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/pulls",
    withRepository(ctx, (request, view) => {
      const state = request.query.get("state") ?? "open";
      const sort = request.query.get("sort") ?? "created";
      const pulls = view.repo.pulls.filter((p) => state === "all" || p.state === state);
      sortItems(pulls, sort === "popularity" ? "comments" : sort, request.query.get("direction") ?? "desc");
      return paginated(urls, request, pulls, (p) => pullShape(urls, index, view, p), {
        repositoryId: view.repo.id,
      });
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/pulls/:number",
    withRepository(ctx, (request, view) => {
      const found = item(view, request.params.number);
      if (!found || !isPull(found))
        return notFound("https://docs.github.com/rest/pulls/pulls#get-a-pull-request");
      return {
        status: 200,
        body: {
          ...pullShape(urls, index, view, found),
          merged: found.mergedAt !== null,
          mergeable: found.state === "open" ? true : null,
          mergeable_state: found.state === "open" ? "clean" : "unknown",
          merged_by: found.mergedAt
            ? simpleUser(urls, index.ensureUser(view.repo.contributors[0]?.login ?? view.repo.owner))
            : null,
          comments: found.comments,
          review_comments: 0,
          maintainer_can_modify: false,
          commits: Math.max(1, found.changedFiles),
          additions: found.additions,
          deletions: found.deletions,
          changed_files: found.changedFiles,
        },
      };
    }),
  );
}
