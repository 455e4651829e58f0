import { eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import { findSetting } from "../settings/keys";
import { resolveAllSettings, writeTeamSetting } from "../settings/team";
import { closeDatabase, createDatabase } from "./client";
import { tableRowCounts } from "./database-info";
import { assertSchemaCurrent, loadMigrations, type Migration, migrate, migrationStatus } from "./migrate";
import { events, repositories, settings } from "./schema";

const machine = { env: {}, file: {} } as unknown as Parameters<typeof resolveAllSettings>[1];

// One data-layer suite, run against the embedded default and against an external PostgreSQL.
describe.each(availableServers())("data layer on %s PostgreSQL", (kind) => {
  describe("migrations", () => {
    let target: TestDatabase;
    beforeAll(async () => {
      target = await freshDatabase(kind, { migrated: false });
    });
    afterAll(() => target.drop());

    it("start at version 0, apply all, then find nothing to do", async () => {
      const migrations = loadMigrations();
      expect((await migrationStatus(target.db.$client)).version).toBe(0);
      await expect(assertSchemaCurrent(target.db)).rejects.toThrow(/not been initialised/);
      const first = await migrate(target.db.$client);
      expect(first.applied.map((m) => m.name)).toEqual(migrations.map((m) => m.name));
      expect(first.status).toMatchObject({ version: migrations.length, pending: [], modified: [] });
      const second = await migrate(target.db.$client);
      expect(second.applied).toEqual([]);
      await assertSchemaCurrent(target.db);
    });

    it("are safe when many connections migrate at once: each migration applies exactly once", async () => {
      const fresh = await freshDatabase(kind, { migrated: false });
      const pools = Array.from({ length: 6 }, () => createDatabase(fresh.url, { max: 1 }));
      try {
        const results = await Promise.all(pools.map((db) => migrate(db.$client)));
        const appliedCounts = results.map((result) => result.applied.length).sort();
        expect(appliedCounts.reduce((a, b) => a + b, 0)).toBe(loadMigrations().length);
        const rows = await fresh.db.$client`select version from schema_migrations order by version`;
        expect(rows.map((row) => row.version)).toEqual(loadMigrations().map((m) => m.version));
      } finally {
        await Promise.all(pools.map(closeDatabase));
        await fresh.drop();
      }
    });

    it("are atomic: a failing migration leaves the database as it was", async () => {
      const fresh = await freshDatabase(kind, { migrated: false });
      try {
        const broken: Migration[] = [
          ...loadMigrations(),
          {
            version: 99,
            name: "0098_broken",
            hash: "x",
            statements: ["create table half_done (id int)", "select * from no_such_table"],
          },
        ];
        await expect(migrate(fresh.db.$client, broken)).rejects.toThrow(/no_such_table/);
        const status = await migrationStatus(fresh.db.$client);
        expect(status.version).toBe(0);
        const [row] = await fresh.db
          .$client`select to_regclass('half_done') as t, to_regclass('repositories') as r`;
        expect(row).toEqual({ t: null, r: null });
      } finally {
        await fresh.drop();
      }
    });

    it("are non-destructive: data survives a later migration", async () => {
      const fresh = await freshDatabase(kind);
      try {
        await fresh.db.insert(repositories).values({ fullName: "django/django", stars: 80000 });
        const later: Migration[] = [
          ...loadMigrations(),
          {
            version: 50,
            name: "0049_add_column",
            hash: "y",
            statements: ["alter table repositories add column extra text"],
          },
        ];
        const { applied } = await migrate(fresh.db.$client, later);
        expect(applied.map((m) => m.name)).toEqual(["0049_add_column"]);
        const [repo] = await fresh.db.select().from(repositories);
        expect(repo).toMatchObject({ fullName: "django/django", stars: 80000 });
      } finally {
        await fresh.drop();
      }
    });

    it("notice when an applied migration file was edited", async () => {
      const fresh = await freshDatabase(kind);
      try {
        const edited = loadMigrations().map((m, index) => (index === 0 ? { ...m, hash: "edited" } : m));
        expect((await migrationStatus(fresh.db.$client, edited)).modified).toEqual([edited[0]!.name]);
      } finally {
        await fresh.drop();
      }
    });
  });

  describe("settings and events", () => {
    let target: TestDatabase;
    beforeAll(async () => {
      target = await freshDatabase(kind);
    });
    afterAll(() => target.drop());

    it("stores team settings and audits each change with before and after", async () => {
      const definition = findSetting("filters.min_stars")!;
      const change = await writeTeamSetting(target.db, definition, 5000, "cli:test@host");
      expect(change).toMatchObject({ before: 1000, after: 5000, changed: true });
      const same = await writeTeamSetting(target.db, definition, 5000, "cli:test@host");
      expect(same.changed).toBe(false);
      const resolved = await resolveAllSettings(target.db, machine);
      expect(resolved.find((s) => s.key === "filters.min_stars")).toMatchObject({
        value: 5000,
        source: "database",
      });
      const audit = await target.db.select().from(events).where(eq(events.subjectId, "filters.min_stars"));
      expect(audit).toHaveLength(1);
      expect(audit[0]).toMatchObject({
        actor: "cli:test@host",
        action: "setting.changed",
        data: { before: 1000, after: 5000 },
      });
      await writeTeamSetting(target.db, definition, null, "user:admin");
      expect(await target.db.select().from(settings).where(eq(settings.key, "filters.min_stars"))).toEqual(
        [],
      );
    });

    it("refuses to change or delete events (append-only)", async () => {
      await expect(target.db.update(events).set({ actor: "someone else" })).rejects.toThrow();
      await expect(target.db.delete(events)).rejects.toThrow();
      const [{ count }] = (await target.db.execute(
        sql`select count(*)::int as count from events`,
      )) as unknown as [{ count: number }];
      expect(count).toBeGreaterThan(0);
    });

    it("counts rows per table", async () => {
      const counts = await tableRowCounts(target.db);
      expect(counts).toMatchObject({ repositories: 0, issues: 0, settings: 0 });
      expect(counts.events).toBeGreaterThan(0);
    });

    it("keeps repository names unique regardless of case", async () => {
      await target.db.insert(repositories).values({ fullName: "Pallets/Flask" });
      await expect(target.db.insert(repositories).values({ fullName: "pallets/flask" })).rejects.toThrow();
    });
  });
});
