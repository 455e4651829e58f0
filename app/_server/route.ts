import type { NextRequest } from "next/server";
import type { Access } from "@/lib/auth/roles";
import { toAppError } from "./error-response";
import { guard, type UserFor } from "./guard";

type Params = Record<string, string | string[] | undefined>;

export interface RouteOptions<A extends Access> {
  /** Who may call it. `public` is reserved for health and sign-in; the authorization e2e test checks. */
  role: A;
}

export interface RouteCall<A extends Access> {
  user: UserFor<A>;
  params: Params;
}

/**
 * Every route handler is built with this: it runs the guard before the handler (anonymous: 401,
 * member on an admin route: 403, as `{ error: { code, message } }`) and turns any failure into the
 * same JSON error shape, so no stack trace ever reaches a client.
 */
export function route<A extends Access>(
  options: RouteOptions<A>,
  handler: (request: NextRequest, call: RouteCall<A>) => Promise<Response>,
) {
  return async (request: NextRequest, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      const user = await guard(options.role);
      return await handler(request, { user, params: (await context?.params) ?? {} });
    } catch (error) {
      return toAppError(`${request.method} ${request.nextUrl.pathname}`, error).toResponse();
    }
  };
}
