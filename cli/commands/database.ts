import { Command } from "commander";
import { createDatabaseIfMissing, serverVersion, tableRowCounts } from "../../lib/db/database-info";
import { runningEmbedded, stopEmbedded } from "../../lib/db/embedded/cluster";
import { asDatabaseError } from "../../lib/db/errors";
import { migrate, migrationStatus } from "../../lib/db/migrate";
import type { CliContext } from "../context";
import { formatPairs, formatTable } from "../output";

export function databaseCommand(context: CliContext): Command {
  const database = new Command("database").description("Create, inspect, migrate and stop the database");

  database
    .command("init")
    .description("Create the database if needed (starting the embedded one) and apply all migrations")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm database init\n  GLOBALLM_DATABASE_URL=postgresql://me@db:5432/globallm globallm database init",
    )
    .action(async () => {
      const target = context.target();
      let created = false;
      if (target.kind === "external") {
        created = await createDatabaseIfMissing(target.url).catch((error) => {
          throw asDatabaseError(error, target.display);
        });
      }
      const { applied, status } = await context.withDb((db) => migrate(db.$client), { schema: false });
      const result = {
        target: target.display,
        kind: target.kind,
        created,
        applied: applied.map((m) => m.name),
        schemaVersion: status.version,
      };
      if (context.output.json) context.output.printJson(result);
      else
        context.output.data(
          `Database ready at ${target.display}: schema version ${status.version}` +
            (applied.length
              ? ` (applied ${applied.map((m) => m.name).join(", ")})`
              : " (already up to date)"),
        );
    });

  database
    .command("migrate")
    .description("Apply pending migrations (atomic, non-destructive, safe to run from several processes)")
    .addHelpText("after", "\nExample:\n  globallm database migrate --json")
    .action(async () => {
      const { applied, status } = await context.withDb((db) => migrate(db.$client), { schema: false });
      if (context.output.json)
        context.output.printJson({ applied: applied.map((m) => m.name), schemaVersion: status.version });
      else if (applied.length === 0)
        context.output.data(`Nothing to migrate: schema version ${status.version} is current.`);
      else
        context.output.data(
          `Applied ${applied.map((m) => m.name).join(", ")}: schema version ${status.version}.`,
        );
    });

  database
    .command("status")
    .description("Show the connection target, schema version, pending migrations and row counts")
    .addHelpText("after", "\nExamples:\n  globallm database status\n  globallm database status --json")
    .action(async () => {
      const target = context.target();
      const startedAt = performance.now();
      const info = await context.withDb(
        async (db) => ({
          version: await serverVersion(db),
          migrations: await migrationStatus(db.$client),
          tables: await tableRowCounts(db),
        }),
        { schema: false },
      );
      const latencyMs = Math.round(performance.now() - startedAt);
      const { migrations } = info;
      const result = {
        target: target.display,
        kind: target.kind,
        connected: true,
        serverVersion: info.version,
        schemaVersion: migrations.version,
        latestVersion: migrations.latest,
        upToDate: migrations.pending.length === 0,
        pending: migrations.pending.map((m) => m.name),
        modified: migrations.modified,
        tables: info.tables,
        latencyMs,
      };
      if (context.output.json) {
        context.output.printJson(result);
        return;
      }
      context.output.data(
        formatPairs([
          ["target", result.target],
          ["server", `PostgreSQL ${result.serverVersion}`],
          ["schema version", `${result.schemaVersion} of ${result.latestVersion}`],
          ["pending", result.pending.length ? result.pending.join(", ") : "none"],
        ]),
      );
      if (result.modified.length)
        context.output.info(`warning: applied migrations changed since: ${result.modified.join(", ")}`);
      if (result.pending.length)
        context.output.info("Run `globallm database migrate` to apply the pending migrations.");
      if (Object.keys(result.tables).length) {
        context.output.data(
          `\n${formatTable(
            ["table", "rows"],
            Object.entries(result.tables).map(([name, rows]) => [name, rows]),
          )}`,
        );
      }
    });

  database
    .command("close")
    .description("Stop the embedded PostgreSQL (other processes using it lose their connection)")
    .addHelpText("after", "\nExample:\n  globallm database close")
    .action(async () => {
      const target = context.target();
      if (target.kind === "external") {
        // Each GlobaLLM process closes its own pool on exit; an external server is not ours to stop.
        if (context.output.json)
          context.output.printJson({ target: target.display, kind: target.kind, stopped: false });
        else context.output.data(`Nothing to stop: ${target.display} is an external PostgreSQL.`);
        return;
      }
      const wasRunning = (await runningEmbedded(target.cluster)) !== undefined;
      const stopped = wasRunning ? await stopEmbedded(target.cluster) : false;
      if (context.output.json)
        context.output.printJson({ target: target.display, kind: target.kind, stopped });
      else
        context.output.data(
          stopped ? "Embedded PostgreSQL stopped." : "Embedded PostgreSQL was not running.",
        );
    });

  return database;
}
