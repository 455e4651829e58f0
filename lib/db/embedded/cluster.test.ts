import { existsSync, mkdtempSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { spawnCli } from "../../../test/cli";
import { loadMigrations } from "../migrate";
import { destroyEmbedded, embeddedCluster, postmasterPort } from "./cluster";

// A fresh 0700 data home, as a real user's XDG_DATA_HOME would be (and root's is).
const home = mkdtempSync(join(tmpdir(), "globallm-embedded-"));
const env = {
  PATH: process.env.PATH ?? "",
  HOME: home,
  XDG_DATA_HOME: join(home, "data"),
  XDG_CONFIG_HOME: join(home, "config"),
};
const cluster = embeddedCluster(join(home, "data", "globallm"));

describe("embedded PostgreSQL shared by many processes", () => {
  afterAll(() => destroyEmbedded(cluster));

  it("is started by whichever process needs it first; the others connect to the same server", async () => {
    expect(statSync(home).mode & 0o777).toBe(0o700);
    // A lock left behind by a crashed process must not block anyone.
    const dataDir = join(home, "data", "globallm");
    await import("node:fs").then((fs) => fs.mkdirSync(dataDir, { recursive: true }));
    writeFileSync(join(dataDir, "embedded.lock"), "999999");
    const results = await Promise.all(
      Array.from({ length: 4 }, () => spawnCli(["database", "init", "--json"], env)),
    );
    for (const result of results) expect(result, result.stderr).toMatchObject({ code: 0 });
    const targets = new Set(results.map((result) => JSON.parse(result.stdout).target));
    expect(targets.size).toBe(1);
    expect(results.reduce((sum, result) => sum + JSON.parse(result.stdout).applied.length, 0)).toBe(
      loadMigrations().length,
    );
    expect(postmasterPort(cluster)).toBeGreaterThan(0);
    expect(existsSync(join(dataDir, "embedded.json"))).toBe(true);
    expect(existsSync(join(dataDir, "embedded.lock"))).toBe(false);
  });

  it("keeps data across close and restart", async () => {
    expect((await spawnCli(["config", "set", "filters.min_stars", "4321"], env)).code).toBe(0);
    const closed = await spawnCli(["database", "close", "--json"], env);
    expect(JSON.parse(closed.stdout)).toMatchObject({ kind: "embedded", stopped: true });
    expect(postmasterPort(cluster)).toBeUndefined();
    const again = await spawnCli(["database", "close", "--json"], env);
    expect(JSON.parse(again.stdout).stopped).toBe(false);
    const shown = await spawnCli(["config", "show", "filters.min_stars", "--json"], env);
    expect(shown.code, shown.stderr).toBe(0);
    expect(JSON.parse(shown.stdout).settings["filters.min_stars"].value).toBe(4321);
  });
});
