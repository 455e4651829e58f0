import { readFileSync } from "node:fs";
import { join } from "node:path";
import type postgres from "postgres";

/**
 * The schema version as lib/db/migrate records it (schema_migrations), read without importing
 * migrate.ts: its module-level `new URL("../../drizzle", import.meta.url)` is taken by Next's bundler
 * for an asset import and fails the build. Switch back to `migrationStatus` once that is lazy.
 */
export async function appliedSchemaVersion(sql: postgres.Sql): Promise<number> {
  // Two statements: PostgreSQL resolves every table a query names, even in a branch never taken.
  const [exists] = await sql`select to_regclass('schema_migrations') is not null as exists`;
  if (!exists?.exists) return 0;
  const [row] = await sql`select coalesce(max(version), 0) as version from schema_migrations`;
  return Number(row?.version ?? 0);
}

/** The newest version drizzle-kit's journal knows (journal index + 1, as migrate.ts numbers them). */
export function latestSchemaVersion(migrationsDir: string): number {
  const journal = JSON.parse(readFileSync(join(migrationsDir, "meta", "_journal.json"), "utf8")) as {
    entries: { idx: number }[];
  };
  return journal.entries.reduce((latest, entry) => Math.max(latest, entry.idx + 1), 0);
}
