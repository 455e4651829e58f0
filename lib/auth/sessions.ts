import { randomBytes } from "node:crypto";
import { and, eq, gt } from "drizzle-orm";
import type { Database } from "../db/client";
import { sessions, users } from "../db/schema";
import type { SignedInUser } from "./roles";
import { SESSION_MAX_AGE_SECONDS } from "./session-cookie";

/**
 * The user behind a session token, or null when the token is unknown or expired. Database errors
 * propagate: an outage must surface as one, never as "signed out".
 */
export async function findSessionUser(db: Database, token: string | undefined): Promise<SignedInUser | null> {
  if (!token) return null;
  const [row] = await db
    .select({
      id: users.id,
      login: users.login,
      name: users.name,
      image: users.image,
      role: users.role,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.sessionToken, token), gt(sessions.expires, new Date())))
    .limit(1);
  if (!row) return null;
  // Auth.js fills `login` from the GitHub profile; a user without one never finished signing in.
  if (!row.login) return null;
  return { ...row, login: row.login };
}

/** A new database session, the same row Auth.js writes after GitHub sign-in. */
export async function createSession(
  db: Database,
  userId: string,
  maxAgeSeconds = SESSION_MAX_AGE_SECONDS,
): Promise<{ token: string; expires: Date }> {
  const token = randomBytes(32).toString("hex");
  const expires = new Date(Date.now() + maxAgeSeconds * 1000);
  await db.insert(sessions).values({ sessionToken: token, userId, expires });
  return { token, expires };
}

export async function deleteSession(db: Database, token: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.sessionToken, token));
}
