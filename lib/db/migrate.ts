import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type postgres from "postgres";
import { AppError } from "../errors";
import type { Database } from "./client";

export interface Migration {
  version: number;
  name: string;
  hash: string;
  statements: string[];
}

export interface AppliedMigration {
  version: number;
  name: string;
  hash: string;
  appliedAt: Date;
}

export interface MigrationStatus {
  /** Highest applied version; 0 for an empty database. */
  version: number;
  latest: number;
  applied: AppliedMigration[];
  pending: Migration[];
  /** Applied migrations whose file changed since (a sign of an edited, already-shipped migration). */
  modified: string[];
}

// Any constant works as long as every GlobaLLM process uses the same one.
const MIGRATION_LOCK_KEY = 7_419_023_551;

/**
 * drizzle/ at the project root. Built from this file's path rather than `new URL(…, import.meta.url)`,
 * which bundlers read as an asset import of the folder (and fail on).
 */
export function defaultMigrationsDir(): string {
  return join(dirname(fileURLToPath(import.meta.url)), "..", "..", "drizzle");
}

/** Reads drizzle-kit's journal and SQL files; the journal order is the version order. */
export function loadMigrations(dir = defaultMigrationsDir()): Migration[] {
  const journal = JSON.parse(readFileSync(join(dir, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number; tag: string }[];
  };
  return journal.entries
    .sort((a, b) => a.idx - b.idx)
    .map((entry) => {
      const text = readFileSync(join(dir, `${entry.tag}.sql`), "utf8");
      return {
        version: entry.idx + 1,
        name: entry.tag,
        hash: createHash("sha256").update(text).digest("hex"),
        statements: text
          .split("--> statement-breakpoint")
          .map((statement) => statement.trim())
          .filter(Boolean),
      };
    });
}

const createJournalTable = `
  create table if not exists schema_migrations (
    version integer primary key,
    name text not null,
    hash text not null,
    applied_at timestamptz not null default now()
  )`;

async function readApplied(sql: postgres.Sql | postgres.TransactionSql): Promise<AppliedMigration[]> {
  const [exists] = await sql`select to_regclass('schema_migrations') is not null as exists`;
  if (!exists?.exists) return [];
  const rows = await sql`select version, name, hash, applied_at from schema_migrations order by version`;
  return rows.map((row) => ({
    version: Number(row.version),
    name: String(row.name),
    hash: String(row.hash),
    appliedAt: row.applied_at as Date,
  }));
}

function compare(migrations: Migration[], applied: AppliedMigration[]): MigrationStatus {
  const appliedByVersion = new Map(applied.map((row) => [row.version, row]));
  return {
    version: applied.reduce((max, row) => Math.max(max, row.version), 0),
    latest: migrations.reduce((max, migration) => Math.max(max, migration.version), 0),
    applied,
    pending: migrations.filter((migration) => !appliedByVersion.has(migration.version)),
    modified: migrations
      .filter((migration) => {
        const row = appliedByVersion.get(migration.version);
        return row !== undefined && row.hash !== migration.hash;
      })
      .map((migration) => migration.name),
  };
}

export async function migrationStatus(
  sql: postgres.Sql,
  migrations = loadMigrations(),
): Promise<MigrationStatus> {
  return compare(migrations, await readApplied(sql));
}

/**
 * Applies every pending migration in one transaction: all or nothing. An advisory lock makes
 * concurrent runs queue up; the second finds nothing left to do.
 */
export async function migrate(
  sql: postgres.Sql,
  migrations = loadMigrations(),
): Promise<{ applied: Migration[]; status: MigrationStatus }> {
  const applied = await sql.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(${MIGRATION_LOCK_KEY})`;
    await tx.unsafe(createJournalTable);
    const pending = compare(migrations, await readApplied(tx)).pending;
    for (const migration of pending) {
      for (const statement of migration.statements) await tx.unsafe(statement);
      await tx`insert into schema_migrations (version, name, hash) values (${migration.version}, ${migration.name}, ${migration.hash})`;
    }
    return pending;
  });
  return { applied, status: await migrationStatus(sql, migrations) };
}

/** Refuses to work on a database whose schema is behind this version of GlobaLLM. */
export async function assertSchemaCurrent(db: Database, migrations = loadMigrations()): Promise<void> {
  const status = await migrationStatus(db.$client, migrations);
  if (status.pending.length === 0) return;
  throw new AppError(
    "unavailable:database",
    status.version === 0
      ? "The database has not been initialised yet."
      : `The database schema is at version ${status.version}, this GlobaLLM needs ${status.latest}.`,
    { hint: "Run `globallm database migrate` (or `npm start`, which migrates before serving)." },
  );
}
