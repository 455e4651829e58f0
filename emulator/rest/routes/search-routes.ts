import { searchIssues } from "../../search/search-issues";
import { searchRepositories } from "../../search/search-repositories";
import type { EmulatorContext } from "../../server/context";
import { validationFailed } from "../../server/github-errors";
import type { EmulatorRequest, EmulatorResponse, Router } from "../../server/router";
import { linkBase, linkHeader, pageRequest } from "../paginate";
import { issueShape } from "../shapes/issues";
import { searchItem } from "../shapes/repositories";

const SEARCH_DOCS = "https://docs.github.com/v3/search";
/** GitHub serves at most the first 1,000 results of any search. */
const MAX_RESULTS = 1000;

function page<T>(
  request: EmulatorRequest,
  ctx: EmulatorContext,
  total: number,
  items: T[],
  shape: (item: T) => unknown,
): EmulatorResponse {
  const { page, perPage } = pageRequest(request.query);
  if ((page - 1) * perPage >= MAX_RESULTS) {
    return {
      status: 422,
      body: { message: "Only the first 1000 search results are available", documentation_url: SEARCH_DOCS },
    };
  }
  const reachable = Math.min(total, MAX_RESULTS);
  const lastPage = Math.max(1, Math.ceil(reachable / perPage));
  const slice = items.slice((page - 1) * perPage, Math.min(page * perPage, reachable));
  const link = linkHeader(linkBase(ctx.urls, request), request.query, page, lastPage);
  return {
    status: 200,
    headers: link ? { link } : {},
    body: { total_count: total, incomplete_results: false, items: slice.map(shape) },
  };
}

function missingQuery(): EmulatorResponse {
  return validationFailed(
    "Validation Failed",
    [{ resource: "Search", field: "q", code: "missing" }],
    SEARCH_DOCS,
  );
}

export function registerSearchRoutes(router: Router, ctx: EmulatorContext): void {
  router.add(
    "GET",
    "/search/repositories",
    (request) => {
      const q = request.query.get("q");
      if (!q?.trim()) return missingQuery();
      const result = searchRepositories(ctx.index, q, request.query.get("sort"), request.query.get("order"));
      if (!result.ok)
        return validationFailed(
          "Validation Failed",
          [{ message: result.message, resource: "Search", field: "q", code: "invalid" }],
          SEARCH_DOCS,
        );
      return page(request, ctx, result.hits.length, result.hits, (hit) =>
        searchItem(ctx.urls, ctx.index, hit.view, Math.round(hit.score * 1000) / 1000),
      );
    },
    { resource: "search" },
  );

  router.add(
    "GET",
    "/search/issues",
    (request) => {
      const q = request.query.get("q");
      if (!q?.trim()) return missingQuery();
      const result = searchIssues(ctx.index, q, request.query.get("sort"), request.query.get("order"));
      if (!result.ok)
        return validationFailed(
          "Validation Failed",
          [{ message: result.message, resource: "Search", field: "q", code: "invalid" }],
          SEARCH_DOCS,
        );
      return page(request, ctx, result.hits.length, result.hits, (hit) => ({
        ...issueShape(ctx.urls, ctx.index, hit.view, hit.item),
        score: 1,
      }));
    },
    { resource: "search" },
  );
}
