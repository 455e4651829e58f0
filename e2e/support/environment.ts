import { join } from "node:path";

/** Where the e2e build goes, apart from `.next` so a developer's `npm start` is never disturbed. */
export const E2E_DIST_DIR = ".next-e2e";

/** What global setup hands to the test workers (through the environment they inherit). */
export const e2eVariables = {
  dataHome: "GLOBALLM_E2E_DATA_HOME",
  productionUrl: "GLOBALLM_E2E_PRODUCTION_URL",
  devUrl: "GLOBALLM_E2E_DEV_URL",
  logDir: "GLOBALLM_E2E_LOG_DIR",
} as const;

/**
 * The environment of every process this run starts: the run's own fresh data and config
 * directories (so the embedded PostgreSQL is brand new and no user config leaks in), no database
 * URL and no NODE_ENV (each Next command sets its own). Global setup adds GLOBALLM_NEXT_DIST_DIR for
 * its own Next servers only; `npm start` in a spec keeps building into `.next` as it does for users.
 */
export function serverEnvironment(
  base: NodeJS.ProcessEnv,
  home: string,
  extra: Record<string, string> = {},
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  for (const name of [
    "GLOBALLM_DATABASE_URL",
    "DATABASE_URL",
    "NODE_ENV",
    "GLOBALLM_CONFIG",
    "AUTH_SECRET",
    "GLOBALLM_NEXT_DIST_DIR",
  ]) {
    delete env[name];
  }
  return {
    ...env,
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    NEXT_TELEMETRY_DISABLED: "1",
    ...extra,
  };
}
