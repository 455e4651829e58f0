import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { inject } from "vitest";
import { closeDatabase, createDatabase, type Database } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";

export type ServerKind = "embedded" | "external";

/** The servers this run can use: the embedded one always, the external one when reachable. */
export function availableServers(): ServerKind[] {
  return inject("externalUrl") ? ["embedded", "external"] : ["embedded"];
}

function serverUrl(kind: ServerKind): string {
  return kind === "embedded" ? inject("embeddedUrl") : inject("externalUrl");
}

export interface TestDatabase {
  url: string;
  db: Database;
  drop(): Promise<void>;
}

/** A brand-new database on the given server, migrated unless `migrated: false`; dropped by `drop()`. */
export async function freshDatabase(
  kind: ServerKind,
  options: { migrated?: boolean } = {},
): Promise<TestDatabase> {
  const admin = serverUrl(kind);
  const name = `globallm_test_${Date.now().toString(36)}_${randomBytes(3).toString("hex")}`;
  const sql = postgres(admin, { max: 1, onnotice: () => {} });
  await sql.unsafe(`create database ${name}`);
  await sql.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  const db = createDatabase(url.toString(), { max: 4, applicationName: "globallm-test" });
  if (options.migrated !== false) await migrate(db.$client);
  return {
    url: url.toString(),
    db,
    async drop() {
      await closeDatabase(db);
      const cleanup = postgres(admin, { max: 1, onnotice: () => {} });
      await cleanup.unsafe(`drop database if exists ${name} with (force)`);
      await cleanup.end();
    },
  };
}
