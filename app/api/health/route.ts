import { join } from "node:path";
import { logServerError } from "@/app/_server/log-error";
import { route } from "@/app/_server/route";
import { getProcessDb } from "@/lib/db/process-database";
import { databaseHealth } from "@/lib/health/database-health";
import { latestSchemaVersion } from "@/lib/health/schema-version";

/**
 * Open to anonymous callers (load balancers, the status badge before sign-in). Answers 200 only
 * when the database is reachable and migrated, 503 otherwise, so an outage never reads as "no data".
 */
export const GET = route({ role: "public" }, async () => {
  // Next bundles this file, so paths relative to import.meta do not point at drizzle/; every GlobaLLM
  // server runs from the project root.
  const latestVersion = latestSchemaVersion(join(process.cwd(), "drizzle"));
  const { health, error } = await databaseHealth(getProcessDb, { latestVersion });
  if (error) logServerError("health", error);
  return Response.json(
    { status: health.status === "up" ? "ok" : "unavailable", database: health },
    { status: health.status === "up" ? 200 : 503, headers: { "cache-control": "no-store" } },
  );
});
