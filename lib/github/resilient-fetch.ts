import type { RequestLog } from "./request-log";

const nullBodyStatuses = new Set([101, 204, 205, 304]);

function parses(text: string): unknown | undefined {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/**
 * The fetch Octokit uses. It records every HTTP exchange (with its rate-limit cost), and turns a
 * JSON body cut short in transit into a 502 so the retry plugin asks again instead of failing.
 */
export function resilientFetch(options: {
  requests: RequestLog;
  endpointHeader: string;
  graphqlUrl: string;
}): typeof fetch {
  const graphqlPath = new URL(options.graphqlUrl).pathname;
  return async (input, init) => {
    const url = new URL(typeof input === "string" || input instanceof URL ? input : input.url);
    const method = (init?.method ?? "GET").toUpperCase();
    const headers = new Headers(init?.headers);
    const endpoint = headers.get(options.endpointHeader) ?? `${method} ${url.pathname}`;
    headers.delete(options.endpointHeader);
    const graphql = url.pathname === graphqlPath;
    const started = performance.now();
    const record = (status: number | null, cost: number, resource: string | null) =>
      options.requests.record({
        method,
        endpoint,
        status,
        resource,
        cost,
        cacheHit: status === 304 ? "etag" : "none",
        durationMs: Math.round(performance.now() - started),
      });

    let response: Response;
    let text: string;
    try {
      response = await fetch(input, { ...init, headers });
      text = nullBodyStatuses.has(response.status) ? "" : await response.text();
    } catch (error) {
      record(null, 0, null);
      throw error;
    }
    const resource =
      response.headers.get("x-ratelimit-resource") ??
      (graphql ? "graphql" : url.pathname.startsWith("/search") ? "search" : "core");
    const json = (response.headers.get("content-type") ?? "").includes("json");
    const parsed = json && text ? parses(text) : undefined;
    if (json && text && parsed === undefined) {
      record(response.status, 1, resource);
      return Response.json(
        { message: "GitHub's response was cut short" },
        { status: 502, statusText: "Truncated response" },
      );
    }
    const graphqlCost = graphql
      ? (parsed as { data?: { rateLimit?: { cost?: number } } } | undefined)?.data?.rateLimit?.cost
      : undefined;
    record(response.status, response.status === 304 ? 0 : (graphqlCost ?? 1), resource);
    return new Response(nullBodyStatuses.has(response.status) ? null : text, {
      status: response.status,
      statusText: response.statusText,
      headers: response.headers,
    });
  };
}
