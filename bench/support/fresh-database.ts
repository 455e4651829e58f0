import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { closeDatabase, type Database } from "../../lib/db/client";
import { connectDatabase, databaseTarget } from "../../lib/db/connect";
import { destroyEmbedded } from "../../lib/db/embedded/cluster";
import { migrate } from "../../lib/db/migrate";
import { loadMachineSettings } from "../../lib/settings/machine";

export interface BenchDatabase {
  db: Database;
  url: string;
  close(): Promise<void>;
}

/**
 * A migrated database that exists only for this run: a fresh embedded PostgreSQL in a temporary
 * home, or a new database on the server named by BENCH_DATABASE_URL.
 */
export async function freshBenchDatabase(options: { max?: number } = {}): Promise<BenchDatabase> {
  const external = process.env.BENCH_DATABASE_URL;
  if (external) {
    const name = `globallm_bench_${Date.now().toString(36)}`;
    const admin = await connectDatabase({ kind: "external", url: external, display: external }, { max: 1 });
    await admin.db.$client.unsafe(`create database ${name}`);
    await closeDatabase(admin.db);
    const url = new URL(external);
    url.pathname = `/${name}`;
    const { db } = await connectDatabase(
      { kind: "external", url: url.toString(), display: name },
      { max: options.max ?? 10 },
    );
    await migrate(db.$client);
    return {
      db,
      url: url.toString(),
      async close() {
        await closeDatabase(db);
        const cleanup = await connectDatabase(
          { kind: "external", url: external, display: external },
          { max: 1 },
        );
        await cleanup.db.$client.unsafe(`drop database if exists ${name} with (force)`);
        await closeDatabase(cleanup.db);
      },
    };
  }
  const home = mkdtempSync(join(tmpdir(), "globallm-bench-"));
  const env = {
    HOME: home,
    XDG_DATA_HOME: join(home, "data"),
    XDG_CONFIG_HOME: join(home, "config"),
    PATH: process.env.PATH,
  };
  const target = databaseTarget(loadMachineSettings({ env }));
  const { db, url } = await connectDatabase(target, { max: options.max ?? 10 });
  await migrate(db.$client);
  return {
    db,
    url,
    async close() {
      await closeDatabase(db);
      if (target.kind === "embedded") await destroyEmbedded(target.cluster);
      rmSync(home, { recursive: true, force: true });
    },
  };
}
