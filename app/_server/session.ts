import { cookies } from "next/headers";
import { cache } from "react";
import type { SignedInUser } from "@/lib/auth/roles";
import { sessionTokenFrom } from "@/lib/auth/session-cookie";
import { findSessionUser } from "@/lib/auth/sessions";
import { asDatabaseError } from "@/lib/db/errors";
import { getProcessDb } from "@/lib/db/process-database";

/**
 * The signed-in user of this request, read straight from the Auth.js session cookie and the
 * sessions table. We do not go through Auth.js's `auth()` here because it turns a database error
 * into "no session", which would send people to sign-in during an outage instead of saying so.
 * `cache` makes the layout and the page of one request share a single lookup.
 */
export const currentUser = cache(async (): Promise<SignedInUser | null> => {
  const jar = await cookies();
  const token = sessionTokenFrom((name) => jar.get(name)?.value);
  if (!token) return null;
  try {
    return await findSessionUser(await getProcessDb(), token);
  } catch (error) {
    throw asDatabaseError(error, "the database");
  }
});

/** The raw token, for sign-out only. */
export async function currentSessionToken(): Promise<string | undefined> {
  const jar = await cookies();
  return sessionTokenFrom((name) => jar.get(name)?.value);
}
