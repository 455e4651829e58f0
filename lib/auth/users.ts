import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { events, type NewUser, type User, type UserRole, users } from "../db/schema";

// Any constant works as long as every GlobaLLM process uses the same one (distinct from migrations').
const FIRST_USER_LOCK_KEY = 7_419_023_552;

/** GitHub logins are case-insensitive; GLOBALLM_ADMINS arrives lowercased from lib/env. */
export function isListedAdmin(login: string, admins: readonly string[]): boolean {
  return admins.includes(login.toLowerCase());
}

/**
 * Creates a user who just signed in for the first time. The very first user of an installation, and
 * anyone listed in GLOBALLM_ADMINS, becomes an admin. The advisory lock serialises concurrent first
 * sign-ins, so two people signing in at the same moment cannot both be "the first".
 */
export async function createSignedInUser(
  db: Database,
  input: Omit<NewUser, "role"> & { login: string },
  admins: readonly string[],
): Promise<User> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select pg_advisory_xact_lock(${FIRST_USER_LOCK_KEY})`);
    const [anyone] = await tx.select({ id: users.id }).from(users).limit(1);
    const role: UserRole = !anyone || isListedAdmin(input.login, admins) ? "admin" : "member";
    const [user] = await tx
      .insert(users)
      .values({ ...input, role })
      .returning();
    if (!user) throw new Error("insert into users returned no row");
    await tx.insert(events).values({
      actor: `user:${input.login}`,
      action: "user.created",
      subjectType: "user",
      subjectId: input.login,
      data: { role, reason: anyone ? (role === "admin" ? "GLOBALLM_ADMINS" : "default") : "first user" },
    });
    return user;
  });
}

/**
 * Runs on every sign-in: keeps the stored login in step with GitHub (logins can be renamed) and
 * promotes users newly listed in GLOBALLM_ADMINS. It never demotes: the first user's admin role
 * does not depend on the list.
 */
export async function syncSignedInUser(
  db: Database,
  userId: string,
  login: string,
  admins: readonly string[],
): Promise<void> {
  await db.transaction(async (tx) => {
    const [current] = await tx.select().from(users).where(eq(users.id, userId)).for("update");
    if (!current) return;
    const promote = current.role !== "admin" && isListedAdmin(login, admins);
    if (current.login === login && !promote) return;
    await tx
      .update(users)
      .set({ login, ...(promote ? { role: "admin" as const } : {}) })
      .where(eq(users.id, userId));
    if (promote) {
      await tx.insert(events).values({
        actor: "system",
        action: "user.promoted",
        subjectType: "user",
        subjectId: login,
        data: { role: "admin", reason: "GLOBALLM_ADMINS" },
      });
    }
  });
}

/** For the e2e test sign-in only: the user with this login, created or updated to this role. */
export async function upsertUserByLogin(db: Database, login: string, role: UserRole): Promise<User> {
  const [user] = await db
    .insert(users)
    .values({ login, name: login, role })
    .onConflictDoUpdate({ target: users.login, set: { role } })
    .returning();
  if (!user) throw new Error("upsert into users returned no row");
  return user;
}
