import type { EmulatorContext } from "../../server/context";
import { notFound, requiresAuthentication } from "../../server/github-errors";
import type { EmulatorRequest, EmulatorResponse, Router } from "../../server/router";
import type { RepositoryView } from "../../world/repository-view";
import { paginated } from "../paginate";
import { organization, privateUser, publicUser } from "../shapes/accounts";
import { minimalRepository } from "../shapes/repositories";

/** Sorting of repository lists: full_name ascends by default, dates descend. */
function sortRepositories(views: RepositoryView[], sort: string, direction: string | null): RepositoryView[] {
  const sign = (direction ?? (sort === "full_name" ? "asc" : "desc")) === "asc" ? 1 : -1;
  const key = (v: RepositoryView): string | number =>
    sort === "created"
      ? Date.parse(v.repo.createdAt)
      : sort === "updated"
        ? Date.parse(v.repo.updatedAt)
        : sort === "pushed"
          ? Date.parse(v.repo.pushedAt ?? v.repo.createdAt)
          : v.fullName.toLowerCase();
  return views.slice().sort((a, b) => {
    const ka = key(a);
    const kb = key(b);
    return (ka < kb ? -1 : ka > kb ? 1 : 0) * sign || a.repo.id - b.repo.id;
  });
}

function listRepositories(
  ctx: EmulatorContext,
  request: EmulatorRequest,
  views: RepositoryView[],
  defaultSort: string,
): EmulatorResponse {
  const type = request.query.get("type") ?? "all";
  const filtered = views.filter((v) =>
    type === "forks" ? v.repo.fork : type === "sources" ? !v.repo.fork : type !== "private",
  );
  const sorted = sortRepositories(
    filtered,
    request.query.get("sort") ?? defaultSort,
    request.query.get("direction"),
  );
  return paginated(ctx.urls, request, sorted, (v) => minimalRepository(ctx.urls, ctx.index, v));
}

export function registerUserRoutes(router: Router, ctx: EmulatorContext): void {
  const { urls, index } = ctx;
  const userDocs = "https://docs.github.com/rest/users/users#get-a-user";

  router.add("GET", "/users/:username", (request) => {
    const account = index.account(request.params.username ?? "");
    if (!account) return notFound(userDocs);
    return { status: 200, body: publicUser(urls, index, account) };
  });

  router.add("GET", "/users/:username/repos", (request) => {
    const account = index.account(request.params.username ?? "");
    if (!account) return notFound("https://docs.github.com/rest/repos/repos#list-repositories-for-a-user");
    // For a user, type defaults to "owner"; member repositories are not part of this world.
    return listRepositories(ctx, request, index.repositoriesOf(account.login), "full_name");
  });

  router.add("GET", "/orgs/:org", (request) => {
    const account = index.account(request.params.org ?? "");
    if (account?.type !== "Organization")
      return notFound("https://docs.github.com/rest/orgs/orgs#get-an-organization");
    return { status: 200, body: organization(urls, index, account) };
  });

  router.add("GET", "/orgs/:org/repos", (request) => {
    const account = index.account(request.params.org ?? "");
    if (account?.type !== "Organization")
      return notFound("https://docs.github.com/rest/repos/repos#list-organization-repositories");
    return listRepositories(ctx, request, index.repositoriesOf(account.login), "created");
  });

  const me = (request: EmulatorRequest) =>
    request.identity.kind === "user" ? index.ensureUser(request.identity.login) : undefined;

  router.add("GET", "/user", (request) => {
    const account = me(request);
    if (!account)
      return requiresAuthentication("https://docs.github.com/rest/users/users#get-the-authenticated-user");
    return { status: 200, body: privateUser(urls, index, account) };
  });

  router.add("GET", "/user/emails", (request) => {
    const account = me(request);
    if (!account)
      return requiresAuthentication(
        "https://docs.github.com/rest/users/emails#list-email-addresses-for-the-authenticated-user",
      );
    const email = account.email ?? `${account.login}@users.noreply.example.com`;
    return { status: 200, body: [{ email, primary: true, verified: true, visibility: "public" }] };
  });

  router.add("GET", "/user/repos", (request) => {
    const account = me(request);
    if (!account)
      return requiresAuthentication(
        "https://docs.github.com/rest/repos/repos#list-repositories-for-the-authenticated-user",
      );
    // Default affiliation: owner, collaborator and organization_member.
    const orgRepos = index.organizationsOf(account.login).flatMap((org) => index.repositoriesOf(org.login));
    return listRepositories(ctx, request, [...index.repositoriesOf(account.login), ...orgRepos], "full_name");
  });

  router.add("GET", "/user/orgs", (request) => {
    const account = me(request);
    if (!account) return requiresAuthentication();
    return paginated(urls, request, index.organizationsOf(account.login), (org) => {
      const {
        login,
        id,
        node_id,
        url,
        repos_url,
        events_url,
        hooks_url,
        issues_url,
        members_url,
        public_members_url,
        avatar_url,
        description,
      } = organization(urls, index, org);
      return {
        login,
        id,
        node_id,
        url,
        repos_url,
        events_url,
        hooks_url,
        issues_url,
        members_url,
        public_members_url,
        avatar_url,
        description,
      };
    });
  });
}
