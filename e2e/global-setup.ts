import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase } from "../lib/db/client";
import { connectDatabase, databaseTarget } from "../lib/db/connect";
import { destroyEmbedded, embeddedCluster } from "../lib/db/embedded/cluster";
import { migrate } from "../lib/db/migrate";
import { dataDir } from "../lib/paths";
import { loadMachineSettings } from "../lib/settings/machine";
import { E2E_DIST_DIR, e2eVariables, serverEnvironment } from "./support/environment";
import { freePort, nextBuild, nextServer, projectRoot, type RunningServer } from "./support/servers";

/**
 * One fresh world per run: a new 0700 home (XDG data + config) holding a new embedded PostgreSQL,
 * migrated before any server starts; a production build served by `next start` (the authorization
 * test) and `next dev` in test mode (the UI tests, which use the test-only sign-in).
 * Returns the teardown, which stops both servers and destroys the database.
 *
 * Set GLOBALLM_E2E_SKIP_BUILD=1 to reuse the last `.next-e2e` build while iterating on tests.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const started = Date.now();
  const home = mkdtempSync(join(tmpdir(), "globallm-e2e-"));
  const logDir = join(projectRoot, "test-results", "e2e-servers");
  mkdirSync(logDir, { recursive: true });
  const env = serverEnvironment(process.env, home, { GLOBALLM_NEXT_DIST_DIR: E2E_DIST_DIR });
  const cluster = embeddedCluster(dataDir({ XDG_DATA_HOME: env.XDG_DATA_HOME, HOME: env.HOME }));
  const servers: RunningServer[] = [];
  const teardown = async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await destroyEmbedded(cluster);
    rmSync(home, { recursive: true, force: true });
  };

  try {
    const connection = await connectDatabase(databaseTarget(loadMachineSettings({ env })), { max: 1 });
    await migrate(connection.db.$client);
    await closeDatabase(connection.db);
    log(`fresh embedded PostgreSQL migrated (${seconds(started)})`);

    if (process.env.GLOBALLM_E2E_SKIP_BUILD !== "1") {
      const buildStarted = Date.now();
      await nextBuild({ env, logFile: join(logDir, "next-build.log") });
      log(`next build (${seconds(buildStarted)})`);
    }
    const [productionPort, devPort] = [await freePort(), await freePort()];
    servers.push(
      await nextServer("start", { env, port: productionPort, logFile: join(logDir, "next-start.log") }),
    );
    servers.push(
      await nextServer("dev", {
        env: { ...env, GLOBALLM_TEST_MODE: "1" },
        port: devPort,
        logFile: join(logDir, "next-dev.log"),
      }),
    );
    log(`servers up (${seconds(started)} in all); logs in ${logDir}`);
  } catch (error) {
    await teardown();
    throw error;
  }

  // Workers are spawned after global setup and inherit this environment.
  process.env[e2eVariables.dataHome] = home;
  process.env[e2eVariables.productionUrl] = servers[0]?.url;
  process.env[e2eVariables.devUrl] = servers[1]?.url;
  process.env[e2eVariables.logDir] = logDir;
  return teardown;
}

function seconds(since: number): string {
  return `${((Date.now() - since) / 1000).toFixed(1)} s`;
}

function log(message: string): void {
  console.log(`[e2e] ${message}`);
}
