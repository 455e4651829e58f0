import type { EmulatorContext } from "../../server/context";
import type { Router } from "../../server/router";

export function registerMetaRoutes(router: Router, ctx: EmulatorContext): void {
  const { urls, limiter } = ctx;

  // `GET /rate_limit` does not count against any limit (GitHub documents this).
  router.add(
    "GET",
    "/rate_limit",
    (request) => {
      const view = (resource: "core" | "search" | "graphql") => {
        const bucket = limiter.bucket(request.identity, resource);
        return {
          limit: bucket.limit,
          used: bucket.used,
          remaining: limiter.remaining(bucket),
          reset: bucket.reset,
        };
      };
      const core = view("core");
      const fixed = (limit: number) => ({ limit, used: 0, remaining: limit, reset: core.reset });
      const resources = {
        core,
        search: view("search"),
        graphql: view("graphql"),
        integration_manifest: fixed(5000),
        source_import: fixed(100),
        code_scanning_upload: fixed(1000),
        actions_runner_registration: fixed(10000),
        scim: fixed(15000),
        dependency_snapshots: fixed(100),
        code_search: fixed(10),
      };
      return {
        status: 200,
        cacheable: false,
        headers: limiter.headers(limiter.bucket(request.identity, "core"), "core"),
        body: { resources, rate: core },
      };
    },
    { resource: null },
  );

  router.add("GET", "/", () => ({
    status: 200,
    body: {
      current_user_url: `${urls.api}/user`,
      authorizations_url: `${urls.api}/authorizations`,
      emails_url: `${urls.api}/user/emails`,
      issue_search_url: `${urls.api}/search/issues?q={query}{&page,per_page,sort,order}`,
      organization_url: `${urls.api}/orgs/{org}`,
      organization_repositories_url: `${urls.api}/orgs/{org}/repos{?type,page,per_page,sort}`,
      rate_limit_url: `${urls.api}/rate_limit`,
      repository_url: `${urls.api}/repos/{owner}/{repo}`,
      repository_search_url: `${urls.api}/search/repositories?q={query}{&page,per_page,sort,order}`,
      user_url: `${urls.api}/users/{user}`,
      user_repositories_url: `${urls.api}/users/{user}/repos{?type,page,per_page,sort}`,
    },
  }));
}
