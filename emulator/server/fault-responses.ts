import type { Identity } from "./auth";
import type { EmulatorContext } from "./context";
import type { FaultDecision } from "./faults";
import { primaryRateLimited, secondaryRateLimited, serverError } from "./github-errors";
import type { EmulatorResponse, Resource } from "./router";

export interface FaultRequest {
  identity: Identity;
  remoteAddress: string;
  requestId: string;
  isGraphql: boolean;
  resource: Resource | null;
}

/** GitHub's user id behind an identity, for rate-limit messages ("… for user ID 123."). */
export function userIdOf(ctx: EmulatorContext, identity: Identity): number | undefined {
  return identity.kind === "user" ? ctx.index.account(identity.login)?.id : undefined;
}

/**
 * The answer for an injected fault, shaped as GitHub shapes it: a secondary rate limit with
 * retry-after, an exhausted primary limit resetting in a few seconds (RATE_LIMITED for GraphQL),
 * a 5xx, or GraphQL's "Something went wrong". Null when the request proceeds normally.
 */
export function faultResponse(
  ctx: EmulatorContext,
  decision: FaultDecision,
  request: FaultRequest,
): EmulatorResponse | null {
  const { requestId, isGraphql } = request;
  switch (decision.kind) {
    case "secondary":
      ctx.stats.fault("secondaryRateLimits");
      return secondaryRateLimited(requestId, ctx.faults.current.secondaryRetryAfterSeconds);
    case "primary": {
      ctx.stats.fault("primaryRateLimits");
      const limited = primaryRateLimited(
        request.identity,
        userIdOf(ctx, request.identity),
        request.remoteAddress,
      );
      const which = request.resource ?? "graphql";
      const limit = String(
        which === "search"
          ? ctx.limiter.limits.search
          : which === "graphql"
            ? ctx.limiter.limits.graphql
            : ctx.limiter.limits.core,
      );
      const headers = {
        "x-ratelimit-limit": limit,
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(Math.floor(ctx.clock().getTime() / 1000) + decision.resetAfterSeconds),
        "x-ratelimit-used": limit,
        "x-ratelimit-resource": which,
      };
      if (!isGraphql) return { ...limited, headers };
      return {
        status: 200,
        headers,
        body: { errors: [{ type: "RATE_LIMITED", message: (limited.body as { message: string }).message }] },
      };
    }
    case "error":
      ctx.stats.fault("errors");
      return serverError(decision.status, isGraphql, requestId);
    case "graphql-error":
      ctx.stats.fault("graphqlErrors");
      return {
        status: 200,
        body: {
          data: null,
          errors: [
            {
              message: `Something went wrong while executing your query. Please include \`${requestId}\` when reporting this issue.`,
            },
          ],
        },
      };
    default:
      return null;
  }
}
