import type { EmulatorContext } from "../../server/context";
import { notFound, validationFailed } from "../../server/github-errors";
import type { Router } from "../../server/router";
import { parseTime } from "../../world/dates";
import type { RepositoryView } from "../../world/repository-view";
import type { Release } from "../../world/world-schema";
import { linkBase, linkHeader, pageRequest, paginated } from "../paginate";
import { nodeId, simpleUser } from "../shapes/accounts";
import { commitShape } from "../shapes/git";
import { namesHead } from "./repository-routes";
import { withRepository } from "./with-repository";

function releaseShape(ctx: EmulatorContext, view: RepositoryView, release: Release) {
  const { urls, index } = ctx;
  const api = `${urls.api}/repos/${view.fullName}/releases/${release.id}`;
  return {
    url: api,
    assets_url: `${api}/assets`,
    upload_url: `${urls.origin}/repos/${view.fullName}/releases/${release.id}/assets{?name,label}`,
    html_url: `${urls.server}/${view.fullName}/releases/tag/${release.tagName}`,
    id: release.id,
    author: simpleUser(urls, index.account(release.author) ?? index.ensureUser(release.author)),
    node_id: nodeId("Release", release.id),
    tag_name: release.tagName,
    target_commitish: view.repo.defaultBranch,
    name: release.name,
    draft: release.draft,
    prerelease: release.prerelease,
    created_at: release.createdAt,
    published_at: release.publishedAt,
    assets: [],
    tarball_url: `${urls.api}/repos/${view.fullName}/tarball/${release.tagName}`,
    zipball_url: `${urls.api}/repos/${view.fullName}/zipball/${release.tagName}`,
    body: release.body,
  };
}

/** Newest first, as GitHub lists releases. */
function releasesNewestFirst(view: RepositoryView): Release[] {
  return view.repo.releases
    .filter((r) => !r.draft)
    .sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt) || b.id - a.id);
}

export function registerHistoryRoutes(router: Router, ctx: EmulatorContext): void {
  const { urls, index } = ctx;

  router.add(
    "GET",
    "/repos/:owner/:repo/commits",
    withRepository(ctx, (request, view) => {
      if (view.commits.total === 0)
        return {
          status: 409,
          body: {
            message: "Git Repository is empty.",
            documentation_url: "https://docs.github.com/rest/commits/commits#list-commits",
          },
        };
      const sha = request.query.get("sha");
      if (sha && !namesHead(view, sha))
        return notFound("https://docs.github.com/rest/commits/commits#list-commits");
      const sinceText = request.query.get("since");
      const untilText = request.query.get("until");
      const since = sinceText ? parseTime(sinceText) : undefined;
      const until = untilText ? parseTime(untilText) : undefined;
      if (Number.isNaN(since) || Number.isNaN(until)) {
        return validationFailed(
          "Invalid value for parameter 'since' or 'until'",
          [],
          "https://docs.github.com/rest/commits/commits#list-commits",
        );
      }
      // Pages are cut from the log lazily: a busy repository can have tens of thousands of commits.
      const [start, end] = view.commits.range(since, until);
      const { page, perPage } = pageRequest(request.query);
      const from = start + (page - 1) * perPage;
      const body = [];
      for (let i = from; i < Math.min(end, from + perPage); i++)
        body.push(commitShape(urls, index, view, view.commit(i)));
      const lastPage = Math.max(1, Math.ceil((end - start) / perPage));
      const link = linkHeader(linkBase(urls, request, view.repo.id), request.query, page, lastPage);
      return { status: 200, body, headers: link ? { link } : {} };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/commits/:ref",
    withRepository(ctx, (request, view) => {
      if (view.commits.total === 0 || !namesHead(view, request.params.ref)) {
        return {
          status: 422,
          body: {
            message: `No commit found for SHA: ${request.params.ref}`,
            documentation_url: "https://docs.github.com/rest/commits/commits#get-a-commit",
          },
        };
      }
      return {
        status: 200,
        body: {
          ...commitShape(urls, index, view, view.commit(0)),
          stats: { total: 0, additions: 0, deletions: 0 },
          files: [],
        },
      };
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/releases",
    withRepository(ctx, (request, view) =>
      paginated(urls, request, releasesNewestFirst(view), (r) => releaseShape(ctx, view, r), {
        repositoryId: view.repo.id,
      }),
    ),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/releases/latest",
    withRepository(ctx, (_request, view) => {
      const latest = releasesNewestFirst(view).find((r) => !r.prerelease);
      return latest
        ? { status: 200, body: releaseShape(ctx, view, latest) }
        : notFound("https://docs.github.com/rest/releases/releases#get-the-latest-release");
    }),
  );

  router.add(
    "GET",
    "/repos/:owner/:repo/contributors",
    withRepository(ctx, (request, view) => {
      // An empty repository has no contributors; GitHub answers 204 No Content.
      if (view.repo.contributors.length === 0) return { status: 204 };
      return paginated(
        urls,
        request,
        view.repo.contributors,
        (c) => ({
          ...simpleUser(urls, index.account(c.login) ?? index.ensureUser(c.login)),
          contributions: c.contributions,
        }),
        { repositoryId: view.repo.id },
      );
    }),
  );
}
