import { drizzle, type PostgresJsDatabase } from "drizzle-orm/postgres-js";
import postgres from "postgres";
import * as schema from "./schema";

export type Database = PostgresJsDatabase<typeof schema> & { $client: postgres.Sql };

export interface DatabaseOptions {
  /** Pool size; a CLI command needs few connections, the web app and a worker more. */
  max?: number;
  /** Shown in pg_stat_activity, which tells which door holds a connection. */
  applicationName?: string;
}

/** A Drizzle database over postgres.js; the caller owns it and closes it with `closeDatabase`. */
export function createDatabase(url: string, options: DatabaseOptions = {}): Database {
  const client = postgres(url, {
    max: options.max ?? 5,
    connect_timeout: 10,
    idle_timeout: 30,
    onnotice: () => {},
    connection: { application_name: options.applicationName ?? "globallm" },
  });
  return drizzle(client, { schema }) as Database;
}

export async function closeDatabase(db: Database): Promise<void> {
  await db.$client.end({ timeout: 5 });
}
