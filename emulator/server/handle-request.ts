import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { hashString } from "../world/random";
import type { EmulatorContext } from "./context";
import {
  badCredentials,
  notFound,
  primaryRateLimited,
  secondaryRateLimited,
  serverError,
} from "./github-errors";
import type { EmulatorRequest, EmulatorResponse, Router } from "./router";

const EXPOSED =
  "ETag, Link, Location, Retry-After, X-GitHub-OTP, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Used, X-RateLimit-Resource, X-RateLimit-Reset, X-OAuth-Scopes, X-Accepted-OAuth-Scopes, X-Poll-Interval, X-GitHub-Media-Type, X-GitHub-SSO, X-GitHub-Request-Id, Deprecation, Sunset";

const API_HEADERS: Record<string, string> = {
  "access-control-allow-origin": "*",
  "access-control-expose-headers": EXPOSED,
  "content-security-policy": "default-src 'none'",
  "referrer-policy": "origin-when-cross-origin, strict-origin-when-cross-origin",
  "strict-transport-security": "max-age=31536000; includeSubdomains; preload",
  vary: "Accept, Authorization, Cookie, X-GitHub-OTP",
  "x-content-type-options": "nosniff",
  "x-frame-options": "deny",
  "x-github-media-type": "github.v3; format=json",
  "x-github-api-version-selected": "2022-11-28",
  "x-xss-protection": "0",
};

let requestCounter = 0;

/** GitHub's request ids look like C5E6:3A1A:1B5C2F:1C0B4E:65A1B2C3. */
function requestId(seed: number): string {
  const n = ++requestCounter;
  const h = (k: string, width: number) =>
    hashString(`${seed}:${n}:${k}`).toString(16).toUpperCase().padStart(8, "0").slice(0, width);
  return `${h("a", 4)}:${h("b", 4)}:${h("c", 6)}:${h("d", 6)}:${h("e", 8)}`;
}

export function etagOf(payload: Buffer): string {
  return `W/"${createHash("sha256").update(payload).digest("hex")}"`;
}

function etagMatches(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  const strip = (tag: string) => tag.trim().replace(/^W\//, "");
  return header.split(",").some((tag) => tag.trim() === "*" || strip(tag) === strip(etag));
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function serialize(response: EmulatorResponse): { payload: Buffer; contentType: string } {
  const { body } = response;
  if (body === undefined || body === null)
    return { payload: Buffer.alloc(0), contentType: "application/json; charset=utf-8" };
  if (Buffer.isBuffer(body)) return { payload: body, contentType: "application/octet-stream" };
  if (typeof body === "string")
    return { payload: Buffer.from(body), contentType: "text/plain; charset=utf-8" };
  return { payload: Buffer.from(JSON.stringify(body)), contentType: "application/json; charset=utf-8" };
}

/** GitHub also serves every repository route under /repositories/{id}; its Link headers use that form. */
function rewriteRepositoryId(ctx: EmulatorContext, path: string): string | null {
  const match = /^\/repositories\/(\d+)(\/.*)?$/.exec(path);
  if (!match) return path;
  const view = ctx.index.repositoryById(Number(match[1]));
  return view ? `/repos/${view.fullName}${match[2] ?? ""}` : null;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * One request through the GitHub pipeline: identify the caller, inject faults, enforce the primary
 * rate limit, run the handler, answer 304 for a matching ETag without charging, then charge.
 */
export async function handleRequest(
  ctx: EmulatorContext,
  router: Router,
  seed: number,
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const body = await readBody(req);
  const remoteAddress = req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1";
  const identity = ctx.tokens.identify(req.headers, remoteAddress);
  const id = requestId(seed);
  const rewritten = rewriteRepositoryId(ctx, url.pathname);
  const matched = rewritten === null ? { route: null, pathExists: false } : router.match(method, rewritten);
  const route = matched.route;
  const isGraphql = url.pathname === "/graphql";
  const api = route
    ? route.api
    : !url.pathname.startsWith("/login/") && !url.pathname.startsWith("/depsdev/");
  const fault = ctx.faults.decide(isGraphql);
  if (fault.delayMs > 0) {
    ctx.stats.fault("delayedMs", fault.delayMs);
    await sleep(fault.delayMs);
  }
  const headers: Record<string, string> = api ? { ...API_HEADERS, "x-github-request-id": id } : {};
  if (api && identity.kind === "user") {
    headers["x-oauth-scopes"] = identity.scopes.join(", ");
    headers["x-accepted-oauth-scopes"] = "";
  }
  const resource = route ? route.resource : api && !isGraphql ? "core" : null;
  let response: EmulatorResponse;
  let bucketHeaders: Record<string, string> = {};
  const decision = fault.decision;
  if (api && identity.kind === "invalid") {
    response = badCredentials();
  } else if (decision.kind === "secondary") {
    ctx.stats.fault("secondaryRateLimits");
    response = secondaryRateLimited(id, ctx.faults.current.secondaryRetryAfterSeconds);
  } else if (decision.kind === "primary" && api) {
    ctx.stats.fault("primaryRateLimits");
    const limited = primaryRateLimited(
      identity,
      identity.kind === "user" ? ctx.index.account(identity.login)?.id : undefined,
      remoteAddress,
    );
    const reset = Math.floor(ctx.clock().getTime() / 1000) + decision.resetAfterSeconds;
    const which = resource ?? "graphql";
    const limit = which === "search" ? ctx.limiter.limits.search : ctx.limiter.limits.core;
    response = isGraphql
      ? {
          status: 200,
          body: {
            errors: [{ type: "RATE_LIMITED", message: (limited.body as { message: string }).message }],
          },
        }
      : limited;
    bucketHeaders = {
      "x-ratelimit-limit": String(limit),
      "x-ratelimit-remaining": "0",
      "x-ratelimit-reset": String(reset),
      "x-ratelimit-used": String(limit),
      "x-ratelimit-resource": which,
    };
  } else if (decision.kind === "error") {
    ctx.stats.fault("errors");
    response = serverError(decision.status, isGraphql, id);
  } else if (decision.kind === "graphql-error") {
    ctx.stats.fault("graphqlErrors");
    response = {
      status: 200,
      body: {
        data: null,
        errors: [
          {
            message: `Something went wrong while executing your query. Please include \`${id}\` when reporting this issue.`,
          },
        ],
      },
    };
  } else if (!route) {
    // GitHub answers an unknown path, and a known path with the wrong method, with the same 404.
    response = notFound();
  } else {
    const bucket = resource ? ctx.limiter.bucket(identity, resource) : null;
    if (bucket && resource && ctx.limiter.remaining(bucket) <= 0) {
      response = primaryRateLimited(
        identity,
        identity.kind === "user" ? ctx.index.account(identity.login)?.id : undefined,
        remoteAddress,
      );
    } else {
      const request: EmulatorRequest = {
        method,
        path: rewritten ?? url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        identity,
        params: matched.params,
      };
      try {
        response = await route.handler(request);
      } catch (error) {
        console.error(`[emulator] ${method} ${url.pathname} failed:`, error);
        response = serverError(500, isGraphql, id);
      }
    }
    if (bucket && resource) {
      const conditional =
        response.status === 200 && response.cacheable !== false && (method === "GET" || method === "HEAD");
      let notModified = false;
      if (conditional) {
        const etag = etagOf(serialize(response).payload);
        response.headers = { ...response.headers, etag };
        notModified = etagMatches(req.headers["if-none-match"], etag);
      }
      if (notModified) {
        // GitHub does not count a 304 against the rate limit; that is what makes caching pay.
        response = { status: 304, headers: { etag: response.headers?.etag ?? "" } };
      } else if (response.status !== 403 || ctx.limiter.remaining(bucket) > 0) {
        ctx.limiter.charge(bucket, 1);
        ctx.stats.points(resource, 1);
      }
      bucketHeaders = ctx.limiter.headers(bucket, resource);
      headers["cache-control"] =
        identity.kind === "user" ? "private, max-age=60, s-maxage=60" : "public, max-age=60, s-maxage=60";
    }
  }
  ctx.stats.request(route?.name ?? `${method} (unmatched)`, response.status);
  send(
    res,
    method,
    response,
    { ...headers, ...bucketHeaders },
    fault.truncate ? () => ctx.stats.fault("truncated") : null,
  );
}

function send(
  res: ServerResponse,
  method: string,
  response: EmulatorResponse,
  base: Record<string, string>,
  truncate: (() => void) | null,
) {
  const { payload, contentType } = serialize(response);
  const headers: Record<string, string> = { ...base, "content-type": contentType, ...response.headers };
  if (response.status === 304 || response.status === 204) {
    delete headers["content-type"];
    res.writeHead(response.status, headers);
    res.end();
    return;
  }
  headers["content-length"] = String(payload.length);
  res.writeHead(response.status, headers);
  if (method === "HEAD") {
    res.end();
    return;
  }
  if (truncate && payload.length > 1) {
    truncate();
    // The connection drops mid-body, as when a proxy or GitHub's edge gives up on a response.
    res.write(payload.subarray(0, Math.floor(payload.length / 2)), () => res.destroy());
    return;
  }
  res.end(payload);
}
