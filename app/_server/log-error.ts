import { isAppError } from "@/lib/errors";

/**
 * Server-side log line for a failure the user sees as one clear message. AppError detail (hosts,
 * SQL) goes here and nowhere else; nothing here ever includes cookies, tokens or request bodies.
 */
export function logServerError(where: string, error: unknown): void {
  if (isAppError(error)) {
    console.error(
      `[web] ${where}: ${error.code} ${error.message}${error.detail ? ` (${error.detail})` : ""}`,
    );
    return;
  }
  console.error(`[web] ${where}:`, error);
}
