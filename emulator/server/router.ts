import type { IncomingHttpHeaders } from "node:http";
import type { Identity } from "./auth";

export type Resource = "core" | "search" | "graphql";

/** One incoming request, already parsed. */
export interface EmulatorRequest {
  method: string;
  /** Path without the query string, decoded segments kept as sent. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: string;
  identity: Identity;
  /** Route params such as owner, repo, number, path. */
  params: Record<string, string>;
}

export interface EmulatorResponse {
  status: number;
  headers?: Record<string, string>;
  /** Objects are sent as JSON; strings and buffers as they are. */
  body?: unknown;
  /** Whether the response carries an ETag and honours If-None-Match (GET JSON answers). */
  cacheable?: boolean;
}

export type Handler = (request: EmulatorRequest) => EmulatorResponse | Promise<EmulatorResponse>;

export interface Route {
  method: string;
  /** e.g. "/repos/:owner/:repo/contents/*path" — `*name` swallows the rest of the path. */
  pattern: string;
  /** Stats label, the pattern by default. */
  name: string;
  /** Which rate limit the route spends; null = free (like /rate_limit) or charged by the handler. */
  resource: Resource | null;
  /** API routes read the Authorization header (401 for a bad token); web and deps.dev routes do not. */
  api: boolean;
  handler: Handler;
  regex: RegExp;
  keys: string[];
}

function compile(pattern: string): { regex: RegExp; keys: string[] } {
  const keys: string[] = [];
  const source = pattern
    .split("/")
    .map((segment) => {
      if (segment.startsWith(":")) {
        keys.push(segment.slice(1));
        return "([^/]+)";
      }
      if (segment.startsWith("*")) {
        keys.push(segment.slice(1));
        return "?(.*)";
      }
      return segment.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    })
    .join("/");
  return { regex: new RegExp(`^${source}/?$`), keys };
}

export class Router {
  private readonly routes: Route[] = [];

  add(
    method: string,
    pattern: string,
    handler: Handler,
    options: { resource?: Resource | null; api?: boolean } = {},
  ): this {
    const resource = options.resource === undefined ? "core" : options.resource;
    const api = options.api ?? true;
    this.routes.push({
      method,
      pattern,
      name: `${method} ${pattern}`,
      resource,
      api,
      handler,
      ...compile(pattern),
    });
    return this;
  }

  /** The matching route and its params; HEAD is served by GET routes. */
  match(method: string, path: string): { route: Route; params: Record<string, string> } | null {
    for (const route of this.routes) {
      const found = route.regex.exec(path);
      if (!found) continue;
      if (route.method !== method && !(method === "HEAD" && route.method === "GET")) continue;
      const params: Record<string, string> = {};
      route.keys.forEach((key, i) => {
        params[key] = decodeURIComponent(found[i + 1] ?? "");
      });
      return { route, params };
    }
    return null;
  }
}
