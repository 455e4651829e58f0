import { AppError } from "../errors";

interface OctokitError {
  status?: number;
  message?: string;
  response?: { headers?: Record<string, string | undefined>; data?: { message?: string } };
  request?: { url?: string };
}

function resetTime(headers: Record<string, string | undefined> | undefined): string | undefined {
  const reset = Number(headers?.["x-ratelimit-reset"]);
  return Number.isFinite(reset) && reset > 0 ? new Date(reset * 1000).toISOString().slice(11, 16) : undefined;
}

/**
 * Turns Octokit's errors into the product's vocabulary: one line for the user, detail for the log.
 * `what` names the thing asked for ("repository django/django").
 */
export function githubError(
  error: unknown,
  what: string,
  options: { anonymous?: boolean; apiUrl?: string; notFoundHint?: string } = {},
): unknown {
  if (error instanceof AppError) return error;
  const failure = error as OctokitError;
  const graphqlErrors =
    (error as { name?: string; errors?: { type?: string; message: string }[] }).name ===
    "GraphqlResponseError"
      ? ((error as { errors?: { type?: string; message: string }[] }).errors ?? [])
      : undefined;
  if (graphqlErrors) {
    if (graphqlErrors.some((entry) => entry.type === "NOT_FOUND")) {
      return new AppError("not_found:github", `GitHub has no ${what}.`, {
        hint: options.notFoundHint ?? "Check the spelling.",
        detail: failure.message,
      });
    }
    return new AppError(
      "unavailable:github",
      `GitHub refused GlobaLLM's query: ${graphqlErrors[0]?.message ?? "unknown error"}`,
      {
        hint: "Check GITHUB_GRAPHQL_URL points at a GitHub (or GitHub Enterprise) GraphQL API.",
        detail: failure.message,
      },
    );
  }
  const detail = failure.message ?? String(error);
  const message = failure.response?.data?.message ?? "";
  switch (failure.status) {
    case 404:
      return new AppError("not_found:github", `GitHub has no ${what}.`, {
        hint: options.notFoundHint ?? "Check the spelling.",
        detail,
      });
    case 401:
      return new AppError("unauthorized:github", "GitHub rejected the token.", {
        hint: "Check GITHUB_TOKEN (or `globallm config set github.token`).",
        detail,
      });
    case 403:
    case 429: {
      if (/rate limit/i.test(message) || failure.response?.headers?.["x-ratelimit-remaining"] === "0") {
        const at = resetTime(failure.response?.headers);
        return new AppError(
          "rate_limit:github",
          `GitHub's rate limit is exhausted${at ? ` until ${at} UTC` : ""}.`,
          {
            hint: options.anonymous
              ? "Set GITHUB_TOKEN for a much higher limit."
              : "Try again after the reset.",
            detail,
          },
        );
      }
      return new AppError("forbidden:github", `GitHub refused access to ${what}.`, { detail });
    }
    default:
      if (failure.status === undefined || failure.status >= 500) {
        return new AppError(
          "unavailable:github",
          `Cannot reach GitHub${options.apiUrl ? ` at ${options.apiUrl}` : ""} (${transportProblem(failure)}).`,
          {
            hint: "Check your connection or GITHUB_API_URL, then try again.",
            detail,
            cause: error,
          },
        );
      }
      return error;
  }
}

/** Octokit reports a failed connection as status 500 with fetch's message; say what really happened. */
function transportProblem(
  failure: OctokitError & { cause?: { code?: string; cause?: { code?: string } } },
): string {
  const code = failure.cause?.code ?? failure.cause?.cause?.code;
  const text = `${failure.message ?? ""} ${code ?? ""}`;
  if (/ECONNREFUSED/.test(text)) return "connection refused";
  if (/ENOTFOUND|EAI_AGAIN/.test(text)) return "host not found";
  if (/ETIMEDOUT|timeout|aborted/i.test(text)) return "timed out";
  if (/fetch failed|network|socket|ECONNRESET/i.test(text)) return "network error";
  return failure.status ? `HTTP ${failure.status}` : "network error";
}
