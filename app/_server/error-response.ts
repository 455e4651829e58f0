import { isDatabaseUnavailable } from "@/lib/db/errors";
import { AppError, isAppError } from "@/lib/errors";
import { logServerError } from "./log-error";

/** Any thrown value as an AppError: known ones as they are, outages as 503, the rest as 500. */
export function toAppError(where: string, error: unknown): AppError {
  if (isAppError(error)) {
    if (error.status >= 500) logServerError(where, error);
    return error;
  }
  logServerError(where, error);
  if (isDatabaseUnavailable(error))
    return new AppError("unavailable:database", "The database cannot be reached.");
  return new AppError("internal:api");
}
