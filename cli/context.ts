import { hostname, userInfo } from "node:os";
import type { Database } from "../lib/db/client";
import { closeDatabase } from "../lib/db/client";
import { type Connection, connectDatabase, type DatabaseTarget, databaseTarget } from "../lib/db/connect";
import { asDatabaseError } from "../lib/db/errors";
import { assertSchemaCurrent } from "../lib/db/migrate";
import type { Env } from "../lib/env";
import { loadMachineSettings, type MachineSettings } from "../lib/settings/machine";
import type { Output } from "./output";

export interface GlobalOptions {
  json?: boolean;
  config?: string;
  debug?: boolean;
}

/**
 * What every command receives: output, machine settings and a database opened on first use
 * (so `config path` and `--help` never touch PostgreSQL).
 */
export interface CliContext {
  output: Output;
  env: Env;
  machine(): MachineSettings;
  target(): DatabaseTarget;
  db(): Promise<Database>;
  connection(): Promise<Connection>;
  /**
   * Runs database work, turning connection failures into one clear `unavailable:database` error.
   * Unless `schema: false`, first checks that the schema is migrated (migrations are an explicit step).
   */
  withDb<T>(work: (db: Database) => Promise<T>, options?: { schema?: boolean }): Promise<T>;
  actor(): string;
  close(): Promise<void>;
}

export function createContext(options: {
  output: Output;
  env: Env;
  globals: () => GlobalOptions;
}): CliContext {
  let machine: MachineSettings | undefined;
  let connection: Promise<Connection> | undefined;
  let schemaChecked: Promise<void> | undefined;
  const context: CliContext = {
    output: options.output,
    env: options.env,
    machine() {
      machine ??= loadMachineSettings({ env: options.env, configFile: options.globals().config });
      return machine;
    },
    target() {
      return databaseTarget(context.machine());
    },
    connection() {
      connection ??= connectDatabase(context.target(), { max: 4, applicationName: "globallm-cli" });
      return connection;
    },
    async db() {
      return (await context.connection()).db;
    },
    async withDb(work, options = {}) {
      const db = await context.db();
      try {
        if (options.schema !== false) {
          schemaChecked ??= assertSchemaCurrent(db);
          await schemaChecked;
        }
        return await work(db);
      } catch (error) {
        throw asDatabaseError(error, context.target().display);
      }
    },
    actor() {
      return `cli:${userInfo().username}@${hostname()}`;
    },
    async close() {
      if (!connection) return;
      const opened = await connection.catch(() => undefined);
      if (opened) await closeDatabase(opened.db);
    },
  };
  return context;
}
