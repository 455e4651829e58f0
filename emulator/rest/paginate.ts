import type { EmulatorUrls } from "../server/context";
import type { EmulatorRequest, EmulatorResponse } from "../server/router";

export interface PageRequest {
  page: number;
  perPage: number;
}

/** `page` and `per_page` as GitHub reads them: per_page defaults to 30 and is capped at 100. */
export function pageRequest(query: URLSearchParams, defaultPerPage = 30): PageRequest {
  const perPageRaw = Number.parseInt(query.get("per_page") ?? "", 10);
  const pageRaw = Number.parseInt(query.get("page") ?? "", 10);
  const perPage = Number.isFinite(perPageRaw) && perPageRaw > 0 ? Math.min(100, perPageRaw) : defaultPerPage;
  const page = Number.isFinite(pageRaw) && pageRaw > 0 ? pageRaw : 1;
  return { page, perPage };
}

/**
 * The Link header exactly as GitHub writes it (see the recorded paginate-issues fixture):
 * rels in the order prev, next, last, first; the request's query kept, `page` moved last.
 */
export function linkHeader(
  base: string,
  query: URLSearchParams,
  page: number,
  lastPage: number,
): string | undefined {
  if (lastPage <= 1) return undefined;
  const link = (p: number, rel: string) => {
    const params = new URLSearchParams(query);
    params.delete("page");
    params.append("page", String(p));
    return `<${base}?${params.toString().replace(/\+/g, "%20")}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (page > 1) parts.push(link(Math.min(page - 1, lastPage), "prev"));
  if (page < lastPage) parts.push(link(page + 1, "next"), link(lastPage, "last"));
  if (page > 1) parts.push(link(1, "first"));
  return parts.join(", ");
}

/**
 * Where Link headers point: GitHub rewrites repository routes to /repositories/{id}/…, which the
 * emulator serves too; other routes keep their own path.
 */
export function linkBase(urls: EmulatorUrls, request: EmulatorRequest, repositoryId?: number): string {
  if (repositoryId !== undefined) {
    const rest = request.path.replace(/^\/repos\/[^/]+\/[^/]+/, "");
    return `${urls.api}/repositories/${repositoryId}${rest}`;
  }
  return `${urls.api}${request.path}`;
}

/** A 200 with one page of `items` and the Link header for the rest. */
export function paginated<T, R>(
  urls: EmulatorUrls,
  request: EmulatorRequest,
  items: readonly T[],
  shape: (item: T) => R,
  options: { repositoryId?: number; defaultPerPage?: number } = {},
): EmulatorResponse {
  const { page, perPage } = pageRequest(request.query, options.defaultPerPage);
  const lastPage = Math.max(1, Math.ceil(items.length / perPage));
  const slice = items.slice((page - 1) * perPage, page * perPage).map(shape);
  const link = linkHeader(linkBase(urls, request, options.repositoryId), request.query, page, lastPage);
  return { status: 200, body: slice, headers: link ? { link } : {} };
}
