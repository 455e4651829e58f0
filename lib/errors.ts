/**
 * The one error vocabulary. A code is `type:surface` (for example `not_found:repository`);
 * the HTTP status, the CLI exit code and the user's message all derive from it.
 */

export type ErrorType =
  | "bad_request"
  | "unauthorized"
  | "forbidden"
  | "not_found"
  | "conflict"
  | "rate_limit"
  | "unavailable"
  | "internal";

export type Surface =
  | "auth"
  | "cli"
  | "config"
  | "settings"
  | "database"
  | "migration"
  | "repository"
  | "issue"
  | "assignment"
  | "budget"
  | "github"
  | "registry"
  | "model"
  | "api"
  | "worker";

export type ErrorCode = `${ErrorType}:${Surface}`;

const statusByType: Record<ErrorType, number> = {
  bad_request: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  rate_limit: 429,
  unavailable: 503,
  internal: 500,
};

// Exit 2 means "you asked for something invalid", exit 1 "the world got in the way".
const exitCodeByType: Record<ErrorType, number> = {
  bad_request: 2,
  unauthorized: 1,
  forbidden: 1,
  not_found: 2,
  conflict: 1,
  rate_limit: 1,
  unavailable: 1,
  internal: 1,
};

const defaultMessageByType: Record<ErrorType, string> = {
  bad_request: "The request is not valid.",
  unauthorized: "You need to sign in first.",
  forbidden: "You do not have permission to do that.",
  not_found: "Not found.",
  conflict: "That conflicts with the current state; try again.",
  rate_limit: "Rate limit reached; try again later.",
  unavailable: "A service GlobaLLM depends on is unavailable.",
  internal: "Something went wrong inside GlobaLLM.",
};

export class AppError extends Error {
  readonly type: ErrorType;
  readonly surface: Surface;
  /** What the user can do about it, shown after the message. */
  readonly hint?: string;
  /** Detail for logs only; never shown to users (may mention hosts, SQL, …). */
  readonly detail?: string;
  /** What is wrong with each named input, for a form to show beside its fields. */
  readonly fields?: Record<string, string>;

  constructor(
    code: ErrorCode,
    message?: string,
    options: { hint?: string; detail?: string; cause?: unknown; fields?: Record<string, string> } = {},
  ) {
    const [type, surface] = code.split(":") as [ErrorType, Surface];
    super(message ?? defaultMessageByType[type], { cause: options.cause });
    this.name = "AppError";
    this.type = type;
    this.surface = surface;
    this.hint = options.hint;
    this.detail = options.detail;
    this.fields = options.fields;
  }

  get code(): ErrorCode {
    return `${this.type}:${this.surface}`;
  }

  get status(): number {
    return statusByType[this.type];
  }

  get exitCode(): number {
    return exitCodeByType[this.type];
  }

  /** The shape sent to browsers and API clients; never includes `detail`. */
  toJSON(): { code: ErrorCode; message: string; hint?: string; fields?: Record<string, string> } {
    return {
      code: this.code,
      message: this.message,
      ...(this.hint ? { hint: this.hint } : {}),
      ...(this.fields ? { fields: this.fields } : {}),
    };
  }

  toResponse(): Response {
    return Response.json({ error: this.toJSON() }, { status: this.status });
  }
}

export function isAppError(error: unknown): error is AppError {
  return error instanceof AppError;
}
