import { getTableName, type Table } from "drizzle-orm";
import postgres from "postgres";
import type { Database } from "./client";
import { agents, budgetEntries, events, issues, repositories, sessions, settings, users } from "./schema";

const countedTables: Table[] = [
  repositories,
  issues,
  agents,
  budgetEntries,
  events,
  settings,
  users,
  sessions,
];

/** Exact row counts of the product's tables; tables not created yet are left out. */
export async function tableRowCounts(db: Database): Promise<Record<string, number>> {
  const sql = db.$client;
  const counts: Record<string, number> = {};
  for (const table of countedTables) {
    const name = getTableName(table);
    const [exists] = await sql`select to_regclass(${name}) is not null as exists`;
    if (!exists?.exists) continue;
    const [row] = await sql.unsafe(`select count(*)::bigint as count from "${name}"`);
    counts[name] = Number(row?.count ?? 0);
  }
  return counts;
}

export async function serverVersion(db: Database): Promise<string> {
  const [row] = await db.$client`show server_version`;
  return String(row?.server_version ?? "unknown");
}

/**
 * Creates the URL's database when it does not exist yet (connecting to the server's `postgres`
 * database to do so). Returns true when it created it.
 */
export async function createDatabaseIfMissing(url: string): Promise<boolean> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, "")) || "postgres";
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const sql = postgres(maintenance.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
  try {
    const [row] = await sql`select 1 as found from pg_database where datname = ${name}`;
    if (row) return false;
    await sql.unsafe(`create database "${name.replaceAll('"', '""')}"`);
    return true;
  } catch (error) {
    if ((error as { code?: string }).code === "42P04") return false; // created concurrently
    throw error;
  } finally {
    await sql.end({ timeout: 5 });
  }
}
