import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "@playwright/test";
import { eq } from "drizzle-orm";
import { closeDatabase } from "../lib/db/client";
import { connectDatabase, databaseTarget } from "../lib/db/connect";
import { destroyEmbedded, embeddedCluster, postmasterPort } from "../lib/db/embedded/cluster";
import { agents } from "../lib/db/schema";
import { dataDir } from "../lib/paths";
import { loadMachineSettings } from "../lib/settings/machine";
import { serverEnvironment } from "./support/environment";
import { runCli } from "./support/run-cli";
import { freePort, projectRoot } from "./support/servers";

// The three doors at once: `npm start` (embedded database, web app and a worker) on a brand-new
// home, while the CLI works against the same database; then Ctrl-C stops all of it.
test("npm start serves the app and a worker while the CLI shares its database", async () => {
  test.setTimeout(300_000);
  const home = mkdtempSync(join(tmpdir(), "globallm-doors-"));
  const port = await freePort();
  const env = serverEnvironment(process.env, home, { PORT: String(port) });
  const cluster = embeddedCluster(dataDir({ XDG_DATA_HOME: env.XDG_DATA_HOME, HOME: env.HOME }));
  const start = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts"], {
    cwd: projectRoot,
    env,
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  let log = "";
  start.stderr.on("data", (chunk) => {
    log += chunk;
  });
  const exited = new Promise<number>((resolve) => start.on("exit", (code) => resolve(code ?? 1)));
  try {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.status, {
        timeout: 240_000,
        intervals: [500],
      })
      .toBe(200);
    const health = await (await fetch(`http://127.0.0.1:${port}/api/health`)).json();
    expect(JSON.stringify(health)).toContain("up");
    expect(log).toContain("[worker]");

    const status = await runCli(["database", "status", "--json"], env);
    expect(status.code, status.stderr).toBe(0);
    const parsed = JSON.parse(status.stdout);
    expect(parsed).toMatchObject({ kind: "embedded", upToDate: true });
    expect(parsed.schemaVersion).toBeGreaterThan(0);

    expect((await runCli(["config", "set", "filters.min_stars", "5000"], env)).code).toBe(0);
    const shown = await runCli(["config", "show", "--json"], env);
    expect(JSON.parse(shown.stdout).settings["filters.min_stars"]).toMatchObject({
      value: 5000,
      source: "database",
    });
    const refused = await runCli(["config", "set", "nope", "1"], env);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split("\n")).toHaveLength(1);

    // The worker registered itself in the same database.
    const { db } = await connectDatabase(databaseTarget(loadMachineSettings({ env })), { start: false });
    try {
      await expect
        .poll(async () => (await db.select().from(agents).where(eq(agents.status, "running"))).length)
        .toBe(1);
    } finally {
      await closeDatabase(db);
    }

    // Ctrl-C: the terminal sends SIGINT to the whole foreground group.
    process.kill(-start.pid!, "SIGINT");
    expect(await exited).toBe(0);
    expect(log).toContain("stopped the embedded PostgreSQL");
    expect(postmasterPort(cluster)).toBeUndefined();
    expect(
      (await fetch(`http://127.0.0.1:${port}/api/health`).catch(() => undefined))?.status,
    ).toBeUndefined();
  } finally {
    if (start.exitCode === null) process.kill(-start.pid!, "SIGKILL");
    await destroyEmbedded(cluster);
    rmSync(home, { recursive: true, force: true });
  }
});
