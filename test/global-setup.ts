import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import postgres from "postgres";
import type { TestProject } from "vitest/node";
import { destroyEmbedded, embeddedCluster, ensureEmbedded } from "../lib/db/embedded/cluster";

declare module "vitest" {
  export interface ProvidedContext {
    /** Maintenance URL of the embedded PostgreSQL started for this run. */
    embeddedUrl: string;
    /** Maintenance URL of the external PostgreSQL, or "" when it is not reachable. */
    externalUrl: string;
    /** A fresh 0700 directory used as XDG_DATA_HOME by the embedded server (like a real user's). */
    embeddedDataHome: string;
  }
}

// The machine's own PostgreSQL (trust auth); override with GLOBALLM_TEST_EXTERNAL_URL.
const externalUrl = process.env.GLOBALLM_TEST_EXTERNAL_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";

async function reachable(url: string): Promise<boolean> {
  const sql = postgres(url, { max: 1, connect_timeout: 5, onnotice: () => {} });
  try {
    await sql`select 1`;
    return true;
  } catch {
    return false;
  } finally {
    await sql.end({ timeout: 2 });
  }
}

export default async function setup(project: TestProject) {
  const home = mkdtempSync(join(tmpdir(), "globallm-test-"));
  const cluster = embeddedCluster(join(home, "globallm"));
  const runtime = await ensureEmbedded(cluster);
  const external = await reachable(externalUrl);
  if (!external && process.env.CI) {
    throw new Error(`CI needs the PostgreSQL at ${externalUrl} for the external-database suites.`);
  }
  if (!external) console.warn(`[test] skipping external-PostgreSQL suites: ${externalUrl} is not reachable`);
  project.provide("embeddedUrl", runtime.url.replace(/\/globallm$/, "/postgres"));
  project.provide("externalUrl", external ? externalUrl : "");
  project.provide("embeddedDataHome", home);
  return async () => {
    await destroyEmbedded(cluster);
    rmSync(home, { recursive: true, force: true });
  };
}
