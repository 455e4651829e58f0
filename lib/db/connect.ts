import { AppError } from "../errors";
import { dataDir } from "../paths";
import type { MachineSettings } from "../settings/machine";
import { machineValue } from "../settings/machine";
import { maskUrlPassword } from "../settings/resolve";
import { createDatabase, type Database, type DatabaseOptions } from "./client";
import { type EmbeddedCluster, embeddedCluster, ensureEmbedded, runningEmbedded } from "./embedded/cluster";

export type DatabaseTarget =
  | { kind: "external"; url: string; display: string }
  | { kind: "embedded"; cluster: EmbeddedCluster; display: string };

/** A URL (environment or config file) selects that PostgreSQL; otherwise the embedded one. */
export function databaseTarget(machine: MachineSettings): DatabaseTarget {
  const url = machineValue<string | null>(machine, "database.url");
  if (url) {
    try {
      new URL(url);
    } catch {
      throw new AppError("bad_request:config", "The database URL is not a valid URL.", {
        hint: "Expected postgresql://USER:PASSWORD@HOST:PORT/DATABASE.",
      });
    }
    return { kind: "external", url, display: maskUrlPassword(url) };
  }
  const cluster = embeddedCluster(dataDir(machine.runtime));
  return { kind: "embedded", cluster, display: `embedded PostgreSQL (${cluster.pgdata})` };
}

export interface Connection {
  db: Database;
  url: string;
  target: DatabaseTarget;
  /** True when this call started the embedded server. */
  startedEmbedded: boolean;
}

/**
 * Opens the database. The embedded server is started when `start` is true (the CLI, the worker and
 * `npm start` do); otherwise a stopped embedded server is reported as unavailable.
 */
export async function connectDatabase(
  target: DatabaseTarget,
  options: DatabaseOptions & { start?: boolean } = {},
): Promise<Connection> {
  if (target.kind === "external") {
    return { db: createDatabase(target.url, options), url: target.url, target, startedEmbedded: false };
  }
  if (options.start === false) {
    const running = await runningEmbedded(target.cluster);
    if (!running) {
      throw new AppError("unavailable:database", "The embedded database is not running.", {
        hint: "Start GlobaLLM with `npm start`, or run any `globallm database` command to start it.",
      });
    }
    return { db: createDatabase(running.url, options), url: running.url, target, startedEmbedded: false };
  }
  try {
    const runtime = await ensureEmbedded(target.cluster);
    return {
      db: createDatabase(runtime.url, options),
      url: runtime.url,
      target,
      startedEmbedded: runtime.started,
    };
  } catch (error) {
    throw new AppError("unavailable:database", "Could not start the embedded PostgreSQL.", {
      hint: `See ${target.cluster.logFile}, or set GLOBALLM_DATABASE_URL to use another PostgreSQL.`,
      detail: error instanceof Error ? error.message : String(error),
      cause: error,
    });
  }
}
