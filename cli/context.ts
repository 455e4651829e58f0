import { hostname, userInfo } from "node:os";
import { depsDevClientFromSettings } from "../lib/analysis/clients-from-settings";
import type { DepsDevClient } from "../lib/analysis/dependents";
import type { Database } from "../lib/db/client";
import { closeDatabase } from "../lib/db/client";
import { type Connection, connectDatabase, type DatabaseTarget, databaseTarget } from "../lib/db/connect";
import { asDatabaseError } from "../lib/db/errors";
import { assertSchemaCurrent } from "../lib/db/migrate";
import type { Env } from "../lib/env";
import type { GitHubClient } from "../lib/github/client";
import { githubClientFromSettings } from "../lib/github/from-settings";
import { createCategorizer } from "../lib/issues/categorizer";
import { createLogger, type Logger, type LogLevel } from "../lib/logger";
import type { Categorize } from "../lib/prioritize/compute-features";
import { loadMachineSettings, type MachineSettings, machineValue } from "../lib/settings/machine";
import { resolveSettingValues } from "../lib/settings/team";
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
  log(): Logger;
  /** Every setting's current value (key → value), team values from the database included. */
  settings(): Promise<Record<string, unknown>>;
  github(): Promise<GitHubClient>;
  depsDev(): Promise<DepsDevClient>;
  /** Categorizes issues: labels, the offline classifier, then the model when `classify.use_model` is on. */
  categorize(): Promise<Categorize>;
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
  let github: Promise<GitHubClient> | undefined;
  let logger: Logger | undefined;
  const runId = `cli:${Date.now().toString(36)}`;
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
    log() {
      logger ??= createLogger(
        "globallm",
        options.globals().debug ? "debug" : machineValue<LogLevel>(context.machine(), "log.level"),
      );
      return logger;
    },
    async settings() {
      return context.withDb((db) => resolveSettingValues(db, context.machine()));
    },
    github() {
      github ??= context
        .db()
        .then((db) => githubClientFromSettings(context.machine(), { db, log: context.log(), runId }));
      return github;
    },
    async depsDev() {
      return depsDevClientFromSettings(context.machine(), await context.db());
    },
    async categorize() {
      const db = await context.db();
      const values = await context.settings();
      // The AI SDK and its providers are loaded only when the model step is on.
      const model =
        values["classify.use_model"] === true
          ? (await import("../lib/ai/issue-classifier")).configuredIssueClassifier(db, values, {
              settingsValues: () => context.settings(),
              log: context.log(),
            })
          : undefined;
      return createCategorizer(db, {
        model,
        modelBelowConfidence: values["classify.model_below_confidence"] as number,
      });
    },
    async close() {
      const client = github && (await github.catch(() => undefined));
      await client?.flush().catch(() => undefined);
      if (!connection) return;
      const opened = await connection.catch(() => undefined);
      if (opened) await closeDatabase(opened.db);
    },
  };
  return context;
}
