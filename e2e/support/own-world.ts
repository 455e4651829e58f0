import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, type Database } from "../../lib/db/client";
import { connectDatabase, databaseTarget } from "../../lib/db/connect";
import { destroyEmbedded, embeddedCluster } from "../../lib/db/embedded/cluster";
import { migrate } from "../../lib/db/migrate";
import { dataDir } from "../../lib/paths";
import { loadMachineSettings } from "../../lib/settings/machine";
import { E2E_DIST_DIR, serverEnvironment } from "./environment";
import { freePort, nextServer, projectRoot, type RunningServer } from "./servers";

/** What a spec started, undone in reverse by `undoAll` — also after a half-finished beforeAll. */
export type Undo = (() => Promise<unknown>)[];

export async function undoAll(undo: Undo): Promise<void> {
  for (const step of undo.splice(0).reverse()) await step();
}

/**
 * A database of the spec's own, for specs that must not share the run's (a first user, claims, a
 * store filled by the CLI): a fresh home (XDG data and config) holding a new embedded PostgreSQL,
 * migrated, and the environment that points every process it starts at it (plus `extra`).
 */
export async function ownDatabase(
  name: string,
  extra: Record<string, string>,
  undo: Undo,
): Promise<{ env: NodeJS.ProcessEnv; database: Database }> {
  const home = mkdtempSync(join(tmpdir(), `globallm-${name}-`));
  undo.push(async () => rmSync(home, { recursive: true, force: true }));
  const env = serverEnvironment(process.env, home, { GLOBALLM_NEXT_DIST_DIR: E2E_DIST_DIR, ...extra });
  const cluster = embeddedCluster(dataDir({ XDG_DATA_HOME: env.XDG_DATA_HOME, HOME: env.HOME }));
  undo.push(() => destroyEmbedded(cluster));
  const { db } = await connectDatabase(databaseTarget(loadMachineSettings({ env })), { max: 2 });
  undo.push(() => closeDatabase(db));
  await migrate(db.$client);
  return { env, database: db };
}

/** The run's production build (`next start`) on that database; its log in test-results/e2e-servers. */
export async function ownServer(name: string, env: NodeJS.ProcessEnv, undo: Undo): Promise<RunningServer> {
  const server = await nextServer("start", {
    env,
    port: await freePort(),
    logFile: join(projectRoot, "test-results", "e2e-servers", `${name}-next-start.log`),
  });
  undo.push(() => server.stop());
  return server;
}
