import { setTimeout as sleep } from "node:timers/promises";
import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { cacheKey, identityOf, ResponseCache } from "./cache";
import { RequestLog } from "./request-log";
import { resilientFetch } from "./resilient-fetch";

const GlobaLLMOctokit = Octokit.plugin(throttling, retry);
export type GitHubRest = InstanceType<typeof GlobaLLMOctokit>;

export interface GitHubClientOptions {
  apiUrl: string;
  graphqlUrl: string;
  token?: string | null;
  /** Persistent cache and request log; without it both stay in memory. */
  db?: Database;
  log: Logger;
  /** GraphQL answers are reused for this long without asking GitHub again. */
  cacheMinutes: number;
  /** Longest wait for a primary rate limit to reset before failing. */
  maxWaitSeconds: number;
  runId?: string;
  /** Tests lower this to keep retries fast; GitHub's own advice is seconds. */
  retryBaseMs?: number;
}

export interface GraphqlResult<T> {
  data: T;
  /** Errors GitHub returned beside partial data (e.g. NOT_FOUND for one aliased repository). */
  errors: { type?: string; message: string; path?: (string | number)[] }[];
}

export interface GitHubClient {
  rest: GitHubRest;
  graphql<T>(query: string, variables?: Record<string, unknown>): Promise<GraphqlResult<T>>;
  requests: RequestLog;
  /** True when no token is configured (GitHub's anonymous limits apply). */
  anonymous: boolean;
  flush(): Promise<void>;
}

const ENDPOINT_HEADER = "x-globallm-endpoint";

/**
 * The one way GlobaLLM talks to GitHub: Octokit with throttling (waits out primary and secondary
 * rate limits) and retry (5xx and timeouts, with backoff), conditional requests backed by a
 * persistent cache, and a record of every request.
 */
export function createGitHubClient(options: GitHubClientOptions): GitHubClient {
  const { log } = options;
  const requests = new RequestLog(options.db, options.runId);
  const cache = new ResponseCache(options.db);
  const identity = identityOf(options.token ?? undefined);
  const baseMs = options.retryBaseMs ?? 1000;

  const rest = new GlobaLLMOctokit({
    baseUrl: options.apiUrl.replace(/\/$/, ""),
    auth: options.token ?? undefined,
    userAgent: "globallm",
    // Octokit's own request lines would print handled errors (a 404 we turn into a message) raw.
    log: {
      debug: () => {},
      info: () => {},
      warn: (message: string) => log.debug(message),
      error: (message: string) => log.debug(message),
    },
    request: {
      fetch: resilientFetch({ requests, endpointHeader: ENDPOINT_HEADER, graphqlUrl: options.graphqlUrl }),
    },
    retry: { retries: 4, retryAfterBaseValue: baseMs },
    throttle: {
      retryAfterBaseValue: baseMs,
      fallbackSecondaryRateRetryAfter: 5,
      onRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (retryAfter > options.maxWaitSeconds || retryCount >= 2) return false;
        log.warn(`GitHub rate limit reached on ${request.method} ${request.url}; waiting ${retryAfter}s`);
        return true;
      },
      onSecondaryRateLimit: (retryAfter, request, _octokit, retryCount) => {
        if (retryCount >= 4) return false;
        log.warn(`GitHub secondary rate limit on ${request.method} ${request.url}; waiting ${retryAfter}s`);
        return true;
      },
    },
  });

  rest.hook.wrap("request", async (request, endpointOptions) => {
    const route = `${endpointOptions.method} ${String(endpointOptions.url)}`;
    endpointOptions.headers = { ...endpointOptions.headers, [ENDPOINT_HEADER]: route };
    if (endpointOptions.method !== "GET") return request(endpointOptions);
    const { url } = rest.request.endpoint(endpointOptions);
    const key = cacheKey(["rest", url, identity, String(endpointOptions.headers.accept ?? "")]);
    const cached = await cache.get(key);
    if (cached?.etag) endpointOptions.headers["if-none-match"] = cached.etag;
    try {
      const response = await request(endpointOptions);
      const etag = response.headers.etag;
      if (etag)
        await cache.put(key, "rest", url, {
          etag,
          status: response.status,
          headers: response.headers as Record<string, string>,
          body: response.data,
        });
      return response;
    } catch (error) {
      if ((error as { status?: number }).status === 304 && cached) {
        await cache.touch(key);
        return { status: cached.status, url, headers: cached.headers, data: cached.body } as Awaited<
          ReturnType<typeof request>
        >;
      }
      throw error;
    }
  });

  async function graphql<T>(
    query: string,
    variables: Record<string, unknown> = {},
  ): Promise<GraphqlResult<T>> {
    const key = cacheKey([
      "graphql",
      options.graphqlUrl,
      identity,
      query,
      JSON.stringify(variablesForCache(variables)),
    ]);
    const cached = await cache.get(key);
    if (cached && Date.now() - cached.fetchedAt.getTime() < options.cacheMinutes * 60_000) {
      requests.record({
        method: "POST",
        endpoint: `POST /graphql ${operationName(query)}`,
        status: null,
        resource: "graphql",
        cost: 0,
        cacheHit: "fresh",
        durationMs: 0,
      });
      return cached.body as GraphqlResult<T>;
    }
    const result = await graphqlWithRetry<T>(query, variables);
    await cache.put(key, "graphql", options.graphqlUrl, {
      etag: null,
      status: 200,
      headers: {},
      body: result,
    });
    return result;
  }

  /**
   * GitHub answers a query that timed out on its side with HTTP 200, `data: null` and "Something
   * went wrong"; those are worth asking again, with the same backoff as HTTP errors.
   */
  async function graphqlWithRetry<T>(
    query: string,
    variables: Record<string, unknown>,
  ): Promise<GraphqlResult<T>> {
    for (let attempt = 0; ; attempt++) {
      try {
        const data = await rest.graphql<T>({
          query,
          ...variables,
          url: options.graphqlUrl,
          headers: { [ENDPOINT_HEADER]: `POST /graphql ${operationName(query)}` },
        });
        return { data, errors: [] };
      } catch (error) {
        // Partial data with an `errors` list (e.g. one aliased repository missing) is an answer.
        const failure = error as { name?: string; data?: T | null; errors?: GraphqlResult<T>["errors"] };
        if (failure.name !== "GraphqlResponseError") throw error;
        if (failure.data) return { data: failure.data, errors: failure.errors ?? [] };
        const transient = (failure.errors ?? []).every((entry) =>
          /something went wrong|timeout|timed out/i.test(entry.message),
        );
        if (!transient || attempt >= 3) throw error;
        log.debug(`GitHub GraphQL failed transiently; retrying (${attempt + 1})`);
        await sleep(baseMs * 2 ** attempt);
      }
    }
  }

  return { rest, graphql, requests, anonymous: !options.token, flush: () => requests.flush() };
}

function operationName(query: string): string {
  return /\b(?:query|mutation)\s+(\w+)/.exec(query)?.[1] ?? "anonymous";
}

/**
 * Time windows ("since 90 days ago") are recomputed on every run; round them to the hour so a
 * re-run inside the cache window asks the same question and hits the cache.
 */
function variablesForCache(variables: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(variables).map(([name, value]) =>
      typeof value === "string" && /^\d{4}-\d{2}-\d{2}T/.test(value)
        ? [name, value.slice(0, 13)]
        : [name, value],
    ),
  );
}
