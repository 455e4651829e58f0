import { forbidden, redirect } from "next/navigation";
import { signInPath } from "@/lib/auth/callback-path";
import { type Access, authorize, type SignedInUser } from "@/lib/auth/roles";
import { isAppError } from "@/lib/errors";
import { requestPath } from "./request-path";
import { currentUser } from "./session";

/** Who a guarded function receives: nobody is guaranteed for public access, a user otherwise. */
export type UserFor<A extends Access> = A extends "public" ? null : SignedInUser;

/**
 * The one server-side guard. Pages, route handlers and server actions all call it first (through
 * `requirePage`, `route` and `action`); it throws `unauthorized:auth` or `forbidden:auth`.
 * Public access does not read the session, so a public endpoint (health) keeps answering during a
 * database outage.
 */
export async function guard<A extends Access>(access: A): Promise<UserFor<A>> {
  if (access === "public") return null as UserFor<A>;
  return authorize(await currentUser(), access) as UserFor<A>;
}

/** For pages: anonymous visitors go to sign-in (and come back afterwards), members get a 403 page. */
export async function requirePage(access: "member" | "admin" = "member"): Promise<SignedInUser> {
  try {
    return await guard(access);
  } catch (error) {
    if (isAppError(error) && error.type === "unauthorized") redirect(signInPath(await requestPath()));
    if (isAppError(error) && error.type === "forbidden") forbidden();
    throw error;
  }
}
