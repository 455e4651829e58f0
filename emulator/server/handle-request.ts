import type { IncomingMessage, ServerResponse } from "node:http";
import type { EmulatorContext } from "./context";
import { faultResponse, userIdOf } from "./fault-responses";
import { badCredentials, notFound, primaryRateLimited, serverError } from "./github-errors";
import { etagMatches, etagOf, readBody, send, serialize } from "./http-io";
import type { EmulatorRequest, EmulatorResponse, Resource, Route, Router } from "./router";

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
  req: IncomingMessage,
  res: ServerResponse,
) {
  const url = new URL(req.url ?? "/", "http://emulator.invalid");
  const method = (req.method ?? "GET").toUpperCase();
  const body = await readBody(req);
  const remoteAddress = req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? "127.0.0.1";
  const identity = ctx.tokens.identify(req.headers, remoteAddress);
  const requestId = ctx.requestId();
  const path = rewriteRepositoryId(ctx, url.pathname);
  const matched = path === null ? null : router.match(method, path);
  const route = matched?.route ?? null;
  const isGraphql = url.pathname === "/graphql";
  const api = route
    ? route.api
    : !url.pathname.startsWith("/login/") && !url.pathname.startsWith("/depsdev/");
  const resource = route ? route.resource : api && !isGraphql ? "core" : null;

  const fault = ctx.faults.decide(isGraphql);
  if (fault.delayMs > 0) {
    ctx.stats.fault("delayedMs", fault.delayMs);
    await sleep(fault.delayMs);
  }
  const headers: Record<string, string> = api ? { ...API_HEADERS, "x-github-request-id": requestId } : {};
  if (api && identity.kind === "user") {
    headers["x-oauth-scopes"] = identity.scopes.join(", ");
    headers["x-accepted-oauth-scopes"] = "";
  }

  let response: EmulatorResponse;
  if (api && identity.kind === "invalid") response = badCredentials();
  else {
    const injected =
      api || fault.decision.kind !== "primary"
        ? faultResponse(ctx, fault.decision, { identity, remoteAddress, requestId, isGraphql, resource })
        : null;
    if (injected) response = injected;
    // GitHub answers an unknown path, and a known path with the wrong method, with the same 404.
    else if (!route || !matched) response = notFound();
    else {
      const request: EmulatorRequest = {
        method,
        path: path ?? url.pathname,
        query: url.searchParams,
        headers: req.headers,
        body,
        identity,
        params: matched.params,
      };
      response = await runRoute(ctx, route, request, { resource, remoteAddress, requestId, isGraphql });
      if (resource && identity.kind === "user")
        response.headers = { "cache-control": "private, max-age=60, s-maxage=60", ...response.headers };
      else if (resource)
        response.headers = { "cache-control": "public, max-age=60, s-maxage=60", ...response.headers };
    }
  }
  ctx.stats.request(route?.name ?? `${method} (unmatched)`, response.status);
  send(res, method, response, headers, fault.truncate ? () => ctx.stats.fault("truncated") : null);
}

/**
 * Runs a matched route under its rate limit: refused with GitHub's 403 when the window is spent,
 * a 304 (free) when If-None-Match matches the body's ETag, otherwise charged one point.
 */
async function runRoute(
  ctx: EmulatorContext,
  route: Route,
  request: EmulatorRequest,
  meta: { resource: Resource | null; remoteAddress: string; requestId: string; isGraphql: boolean },
): Promise<EmulatorResponse> {
  const { resource } = meta;
  const bucket = resource ? ctx.limiter.bucket(request.identity, resource) : null;
  if (bucket && resource && ctx.limiter.remaining(bucket) <= 0) {
    const refused = primaryRateLimited(request.identity, userIdOf(ctx, request.identity), meta.remoteAddress);
    return { ...refused, headers: ctx.limiter.headers(bucket, resource) };
  }
  let response: EmulatorResponse;
  try {
    response = await route.handler(request);
  } catch (error) {
    console.error(`[emulator] ${request.method} ${request.path} failed:`, error);
    response = serverError(500, meta.isGraphql, meta.requestId);
  }
  if (!bucket || !resource) return response;
  const cacheable =
    response.status === 200 &&
    response.cacheable !== false &&
    (request.method === "GET" || request.method === "HEAD");
  if (cacheable) {
    const etag = etagOf(serialize(response).payload);
    response.headers = { ...response.headers, etag };
    if (etagMatches(request.headers["if-none-match"] as string | undefined, etag)) {
      // GitHub does not count a 304 against the rate limit; that is what makes caching pay.
      return { status: 304, headers: { etag, ...ctx.limiter.headers(bucket, resource) } };
    }
  }
  ctx.limiter.charge(bucket, 1);
  ctx.stats.points(resource, 1);
  return { ...response, headers: { ...response.headers, ...ctx.limiter.headers(bucket, resource) } };
}
