import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import type { Access } from "@/lib/auth/roles";
import type { ErrorCode } from "@/lib/errors";
import { toAppError } from "./error-response";
import { guard, type UserFor } from "./guard";

export interface ActionError {
  code: ErrorCode;
  message: string;
  hint?: string;
  /** Validation messages by field name, shown beside the field. */
  fields?: Record<string, string>;
}

export type ActionResult<T> = { data: T; error?: undefined } | { error: ActionError; data?: undefined };

// Object schemas only: a non-object argument then always fails validation, which is what lets the
// authorization e2e test reach every action without triggering any of them.
type InputSchema = z.ZodObject;

export interface ActionOptions<A extends Access, S extends InputSchema> {
  role: A;
  input?: S;
}

/**
 * Every server action is built with this: the guard runs first (so an anonymous caller learns
 * nothing about the input), then the input is parsed with zod, then `fn` runs with the user.
 * Failures come back as `{ error }` for the form; only Next.js control flow (redirect) is rethrown.
 */
export function action<A extends Access, S extends InputSchema, T>(
  options: ActionOptions<A, S>,
  fn: (input: z.output<S>, call: { user: UserFor<A> }) => Promise<T>,
): (input: z.input<S> | FormData) => Promise<ActionResult<T>> {
  const schema = options.input ?? z.object({});
  return async (raw) => {
    try {
      const user = await guard(options.role);
      const parsed = schema.safeParse(raw instanceof FormData ? Object.fromEntries(raw) : raw);
      if (!parsed.success) return { error: validationError(parsed.error) };
      return { data: await fn(parsed.data as z.output<S>, { user }) };
    } catch (error) {
      unstable_rethrow(error);
      return { error: toAppError("server action", error).toJSON() };
    }
  };
}

function validationError(error: z.ZodError): ActionError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    const name = issue.path.join(".") || "_";
    fields[name] ??= issue.message;
  }
  return { code: "bad_request:api", message: "Some fields are not valid.", fields };
}
