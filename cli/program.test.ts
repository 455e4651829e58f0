import { mkdtempSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadMigrations } from "../lib/db/migrate";
import { type CliResult, runCli, spawnCli } from "../test/cli";
import { availableServers, freshDatabase, type TestDatabase } from "../test/databases";

function oneLine(result: CliResult) {
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  return lines[0]!;
}

describe.each(availableServers())("globallm CLI on %s PostgreSQL", (kind) => {
  let target: TestDatabase;
  let env: Record<string, string>;
  beforeAll(async () => {
    target = await freshDatabase(kind, { migrated: false });
    const home = mkdtempSync(join(tmpdir(), "globallm-cli-"));
    env = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      GLOBALLM_DATABASE_URL: target.url,
    };
  });
  afterAll(() => target.drop());

  it("refuses to work on an uninitialised database, then init creates the schema", async () => {
    const before = await runCli(["config", "show"], env);
    expect(before.code).toBe(1);
    expect(oneLine(before)).toMatch(/not been initialised.*database migrate/);
    const init = await runCli(["database", "init", "--json"], env);
    expect(init.code).toBe(0);
    const migrations = loadMigrations();
    expect(JSON.parse(init.stdout)).toMatchObject({
      kind: "external",
      schemaVersion: migrations.length,
      applied: migrations.map((migration) => migration.name),
    });
  });

  it("reports status as JSON with the schema version, masked target and row counts", async () => {
    // Trust auth ignores a password, so the external server accepts one added just for this check.
    const url = new URL(target.url);
    if (!url.password) url.password = "s3cret";
    const result = await runCli(["database", "status", "--json"], {
      ...env,
      GLOBALLM_DATABASE_URL: url.toString(),
    });
    expect(result.code).toBe(0);
    const status = JSON.parse(result.stdout);
    const latest = loadMigrations().length;
    expect(status).toMatchObject({
      connected: true,
      schemaVersion: latest,
      latestVersion: latest,
      upToDate: true,
      pending: [],
    });
    expect(status.tables).toHaveProperty("repositories", 0);
    expect(result.stdout).not.toContain(url.password);
    expect(status.target).toContain(":****@");
  });

  it("sets a team setting in the database and shows it with its source", async () => {
    expect((await runCli(["config", "set", "filters.min_stars", "5000"], env)).code).toBe(0);
    const shown = await runCli(["config", "show", "--json"], env);
    expect(shown.code).toBe(0);
    expect(JSON.parse(shown.stdout).settings["filters.min_stars"]).toMatchObject({
      value: 5000,
      source: "database",
      scope: "team",
    });
    const overridden = await runCli(["config", "show", "filters.min_stars", "--json"], {
      ...env,
      GLOBALLM_FILTERS_MIN_STARS: "9",
    });
    expect(JSON.parse(overridden.stdout).settings["filters.min_stars"]).toMatchObject({
      value: 9,
      source: "env",
    });
  });

  it("keeps machine settings in a 0600 config file and never prints a secret in full", async () => {
    const set = await runCli(["config", "set", "github.token", "ghp_abcdefghijklmnopqrstuvwxyz1234"], env);
    expect(set.code).toBe(0);
    expect(set.stdout + set.stderr).not.toContain("abcdefghijklmnop");
    const path = join(env.XDG_CONFIG_HOME!, "globallm", "config.json");
    expect(JSON.parse(readFileSync(path, "utf8"))["github.token"]).toBe("ghp_abcdefghijklmnopqrstuvwxyz1234");
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const shown = await runCli(["config", "show", "--json"], env);
    expect(shown.stdout).not.toContain("abcdefghijklmnop");
    expect(JSON.parse(shown.stdout).settings["github.token"]).toMatchObject({
      value: "ghp_…1234",
      source: "file",
    });
  });

  it("honours --config FILE", async () => {
    const file = join(env.HOME!, "other.json");
    writeFileSync(file, JSON.stringify({ "log.level": "debug" }));
    const shown = await runCli(["--config", file, "config", "show", "log.level", "--json"], env);
    expect(JSON.parse(shown.stdout)).toMatchObject({
      configFile: file,
      settings: { "log.level": { value: "debug", source: "file" } },
    });
    const path = await runCli(["config", "path", "--config", file, "--json"], env);
    expect(JSON.parse(path.stdout).configFile).toBe(file);
  });

  it.each([
    [["config", "set", "nope", "1"], /Unknown setting "nope"/],
    [["config", "set", "filters.min_stars", "many"], /Invalid value "many" for filters.min_stars/],
    [["config", "set", "thresholds.impact", "-0.1"], /thresholds.impact/],
    [["config", "show", "nope"], /Unknown setting/],
    [["database", "status", "--bogus"], /unknown option '--bogus'/],
    [["frobnicate"], /unknown command 'frobnicate'/],
  ])("exits 2 with one clear line for %j, changing nothing", async (args, message) => {
    const before = await runCli(["config", "show", "--json"], env);
    const result = await runCli(args, env);
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(message);
    const after = await runCli(["config", "show", "--json"], env);
    expect(after.stdout).toBe(before.stdout);
  });
});

describe("globallm executable", () => {
  const home = mkdtempSync(join(tmpdir(), "globallm-bin-"));
  const env = {
    PATH: process.env.PATH ?? "",
    HOME: home,
    XDG_CONFIG_HOME: join(home, "c"),
    XDG_DATA_HOME: join(home, "d"),
  };

  it("prints its version and help with examples", async () => {
    const version = await spawnCli(["--version"], env);
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    const help = await spawnCli(["config", "set", "--help"], env);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Examples:");
  });

  it("exits 1 with one line when the database cannot be reached", async () => {
    const result = await spawnCli(["database", "status"], {
      ...env,
      GLOBALLM_DATABASE_URL: "postgresql://x@127.0.0.1:1/x",
    });
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(oneLine(result)).toMatch(
      /Cannot reach the database at postgresql:\/\/x@127\.0\.0\.1:1\/x \(connection refused\)/,
    );
  });

  it("exits 2 with one line for an unknown key, without touching any database", async () => {
    const result = await spawnCli(["config", "set", "nope", "1"], {
      ...env,
      GLOBALLM_DATABASE_URL: "postgresql://x@127.0.0.1:1/x",
    });
    expect(result.code).toBe(2);
    expect(oneLine(result)).toMatch(/Unknown setting "nope"/);
  });

  it("reads .env from the working directory, below real environment variables", async () => {
    const dir = mkdtempSync(join(tmpdir(), "globallm-dotenv-"));
    writeFileSync(
      join(dir, ".env"),
      "GLOBALLM_LOG_LEVEL=warn\nGLOBALLM_DATABASE_URL=postgresql://x@127.0.0.1:1/x\n",
    );
    const fromFile = await spawnCli(["database", "status"], env, dir);
    expect(fromFile.stderr).toMatch(/127\.0\.0\.1:1/);
    const fromEnv = await spawnCli(
      ["database", "status"],
      { ...env, GLOBALLM_DATABASE_URL: "postgresql://y@127.0.0.1:2/y" },
      dir,
    );
    expect(fromEnv.stderr).toMatch(/127\.0\.0\.1:2/);
  });
});
