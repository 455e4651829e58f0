import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { createDatabase } from "../db/client";
import { events, users } from "../db/schema";
import { createSession, deleteSession, findSessionUser } from "./sessions";
import { createSignedInUser, syncSignedInUser, upsertUserByLogin } from "./users";

describe("users and sessions", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
  });
  afterAll(() => target.drop());

  it("makes exactly one of many simultaneous first sign-ins the admin", async () => {
    // Separate pools, so the sign-ins really race on separate connections.
    const pools = Array.from({ length: 6 }, () => createDatabase(target.url, { max: 1 }));
    try {
      const created = await Promise.all(
        pools.map((db, index) => createSignedInUser(db, { login: `racer-${index}`, name: null }, [])),
      );
      expect(created.filter((user) => user.role === "admin")).toHaveLength(1);
      expect(created.filter((user) => user.role === "member")).toHaveLength(5);
      const audit = await target.db.select().from(events).where(eq(events.action, "user.created"));
      expect(
        audit.filter((event) => (event.data as { reason: string }).reason === "first user"),
      ).toHaveLength(1);
    } finally {
      await Promise.all(pools.map((db) => db.$client.end()));
    }
  });

  it("makes later users admins only when GLOBALLM_ADMINS lists them, ignoring case", async () => {
    const listed = await createSignedInUser(target.db, { login: "Octo-Lead", name: null }, ["octo-lead"]);
    const other = await createSignedInUser(target.db, { login: "octo-dev", name: null }, ["octo-lead"]);
    expect([listed.role, other.role]).toEqual(["admin", "member"]);
  });

  it("promotes a member newly listed in GLOBALLM_ADMINS and follows a renamed login, never demoting", async () => {
    const user = await createSignedInUser(target.db, { login: "renamer", name: null }, []);
    expect(user.role).toBe("member");
    await syncSignedInUser(target.db, user.id, "renamed", ["renamed"]);
    const [after] = await target.db.select().from(users).where(eq(users.id, user.id));
    expect(after).toMatchObject({ login: "renamed", role: "admin" });
    await syncSignedInUser(target.db, user.id, "renamed", []);
    const [still] = await target.db.select().from(users).where(eq(users.id, user.id));
    expect(still?.role).toBe("admin");
  });

  it("finds the user of a live session, and nobody for an unknown, expired or deleted one", async () => {
    const user = await upsertUserByLogin(target.db, "session-user", "member");
    const live = await createSession(target.db, user.id);
    expect(await findSessionUser(target.db, live.token)).toMatchObject({
      login: "session-user",
      role: "member",
    });
    expect(await findSessionUser(target.db, "not-a-token")).toBeNull();
    expect(await findSessionUser(target.db, undefined)).toBeNull();
    const expired = await createSession(target.db, user.id, -1);
    expect(await findSessionUser(target.db, expired.token)).toBeNull();
    await deleteSession(target.db, live.token);
    expect(await findSessionUser(target.db, live.token)).toBeNull();
  });

  it("sees a role change on the next request (roles are read from the database, not the cookie)", async () => {
    const user = await upsertUserByLogin(target.db, "promoted-later", "member");
    const session = await createSession(target.db, user.id);
    await upsertUserByLogin(target.db, "promoted-later", "admin");
    expect((await findSessionUser(target.db, session.token))?.role).toBe("admin");
  });
});
