import type { Identity } from "./auth";
import type { EmulatorResponse } from "./router";

/** GitHub's error bodies, word for word where GitHub's wording is stable. */
const DOCS = "https://docs.github.com/rest";

export function notFound(documentationUrl = DOCS, message = "Not Found"): EmulatorResponse {
  return { status: 404, body: { message, documentation_url: documentationUrl } };
}

export function badCredentials(): EmulatorResponse {
  return { status: 401, body: { message: "Bad credentials", documentation_url: DOCS } };
}

export function requiresAuthentication(documentationUrl = DOCS): EmulatorResponse {
  return { status: 401, body: { message: "Requires authentication", documentation_url: documentationUrl } };
}

export function validationFailed(
  message: string,
  errors: unknown[] = [],
  documentationUrl = DOCS,
): EmulatorResponse {
  return { status: 422, body: { message, errors, documentation_url: documentationUrl } };
}

export function primaryRateLimited(
  identity: Identity,
  userId: number | undefined,
  remoteAddress: string,
): EmulatorResponse {
  const message =
    identity.kind === "user"
      ? `API rate limit exceeded for user ID ${userId ?? 0}.`
      : `API rate limit exceeded for ${remoteAddress}. (But here's the good news: Authenticated requests get a higher rate limit. Check out the documentation for more details.)`;
  return {
    status: 403,
    body: {
      message,
      documentation_url: "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
    },
  };
}

export function secondaryRateLimited(requestId: string, retryAfterSeconds: number): EmulatorResponse {
  return {
    status: 403,
    headers: { "retry-after": String(retryAfterSeconds) },
    body: {
      message: `You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID ${requestId}.`,
      documentation_url:
        "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
    },
  };
}

/** 5xx answers: GitHub's API speaks JSON for 500/503 and its edge serves an HTML page for 502. */
export function serverError(status: 500 | 502 | 503, graphql: boolean, requestId: string): EmulatorResponse {
  if (graphql && status === 502) {
    return {
      status,
      body: {
        data: null,
        errors: [
          {
            message: `Something went wrong while executing your query. This may be the result of a timeout, or it could be a GitHub bug. Please include \`${requestId}\` when reporting this issue.`,
          },
        ],
      },
    };
  }
  if (status === 502) {
    return {
      status,
      headers: { "content-type": "text/html; charset=utf-8" },
      body: "<!DOCTYPE html>\n<html><head><title>Unicorn! &middot; GitHub</title></head><body><h1>502 Bad Gateway</h1><p>We had issues producing the response to your request. Sorry about that. Please try resubmitting your request and contact us if the problem persists.</p></body></html>\n",
    };
  }
  if (status === 503) return { status, body: { message: "Service Unavailable", documentation_url: DOCS } };
  return { status, body: { message: "Server Error", documentation_url: DOCS } };
}
