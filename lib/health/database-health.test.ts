import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { createDatabase } from "../db/client";
import { loadMigrations } from "../db/migrate";
import { databaseHealth } from "./database-health";
import { latestSchemaVersion } from "./schema-version";

describe("databaseHealth", () => {
  let migrated: TestDatabase;
  let empty: TestDatabase;
  beforeAll(async () => {
    [migrated, empty] = await Promise.all([
      freshDatabase("embedded"),
      freshDatabase("embedded", { migrated: false }),
    ]);
  });
  afterAll(async () => {
    await Promise.all([migrated.drop(), empty.drop()]);
  });

  it("agrees with migrate.ts about the latest version", () => {
    expect(latestSchemaVersion("drizzle")).toBe(loadMigrations().length);
  });

  it("reports a migrated database as up with its schema version", async () => {
    const latestVersion = latestSchemaVersion("drizzle");
    const { health } = await databaseHealth(async () => migrated.db, { latestVersion });
    expect(health).toMatchObject({ status: "up", schemaVersion: latestVersion, pendingMigrations: 0 });
  });

  it("reports an unmigrated database as outdated, not as up", async () => {
    const { health } = await databaseHealth(async () => empty.db, { latestVersion: 3 });
    expect(health).toMatchObject({ status: "outdated", schemaVersion: 0, pendingMigrations: 3 });
  });

  it("reports an unreachable database as down with one safe line, keeping the cause for the log", async () => {
    const nowhere = createDatabase("postgresql://nobody:secret@127.0.0.1:1/none", { max: 1 });
    try {
      const { health, error } = await databaseHealth(async () => nowhere, { latestVersion: 1 });
      expect(health).toEqual({
        status: "down",
        latencyMs: expect.any(Number),
        message: "The database cannot be reached.",
      });
      expect(error).toBeDefined();
    } finally {
      await nowhere.$client.end();
    }
  });

  it("gives up after its timeout instead of hanging", async () => {
    const { health } = await databaseHealth(() => new Promise(() => {}), {
      latestVersion: 1,
      timeoutMs: 200,
    });
    expect(health).toMatchObject({ status: "down", message: "The database did not answer in time." });
    expect(health.latencyMs).toBeLessThan(2000);
  });
});
