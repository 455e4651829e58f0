import { AppError } from "../errors";

const unreachableCodes = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "CONNECT_TIMEOUT",
  "CONNECTION_CLOSED",
  "CONNECTION_ENDED",
  "CONNECTION_DESTROYED",
  "57P01", // admin_shutdown
  "57P03", // cannot_connect_now (starting up or shutting down)
]);

const reasonByCode: Record<string, string> = {
  ECONNREFUSED: "connection refused",
  ENOTFOUND: "host not found",
  EAI_AGAIN: "host name lookup failed",
  ETIMEDOUT: "timed out",
  CONNECT_TIMEOUT: "timed out",
  EHOSTUNREACH: "host unreachable",
  "28P01": "password rejected",
  "28000": "access rejected",
  "3D000": "database does not exist",
};

function errorCode(error: unknown): string | undefined {
  if (error && typeof error === "object" && "code" in error) return String((error as { code: unknown }).code);
  return undefined;
}

/** True for errors that mean "the database cannot be reached" rather than "the query was wrong". */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && (unreachableCodes.has(code) || code in reasonByCode || code.startsWith("08"));
}

/**
 * Turns a connection failure into one clear line. An outage must never look like "no data",
 * so callers rethrow this instead of returning empty results.
 */
export function databaseUnavailable(error: unknown, target: string): AppError {
  const code = errorCode(error);
  const reason = (code && reasonByCode[code]) ?? (code ? `error ${code}` : "unknown error");
  return new AppError("unavailable:database", `Cannot reach the database at ${target} (${reason}).`, {
    hint: "Check that PostgreSQL is running and GLOBALLM_DATABASE_URL is right, or unset it to use the embedded database.",
    detail: error instanceof Error ? error.message : String(error),
    cause: error,
  });
}

/** Rethrows connection failures as `unavailable:database`; other errors pass through unchanged. */
export function asDatabaseError(error: unknown, target: string): unknown {
  return isDatabaseUnavailable(error) ? databaseUnavailable(error, target) : error;
}
