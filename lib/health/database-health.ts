import type { Database } from "../db/client";
import { isDatabaseUnavailable } from "../db/errors";
import { isAppError } from "../errors";
import { appliedSchemaVersion } from "./schema-version";

export interface DatabaseHealth {
  /** up: reachable and fully migrated; outdated: reachable, migrations pending; down: unreachable. */
  status: "up" | "outdated" | "down";
  latencyMs: number;
  schemaVersion?: number;
  latestVersion?: number;
  pendingMigrations?: number;
  /** One line for people; never hosts or credentials, since anonymous callers read it. */
  message?: string;
}

// Long enough for a busy database, short enough that a load balancer's probe gets an answer.
const DEFAULT_TIMEOUT_MS = 3000;

/**
 * Probes the database with a real round trip and reads the schema version. Any failure is "down"
 * with a reason, never an empty answer: an outage must not look like "no data".
 */
export async function databaseHealth(
  connect: () => Promise<Database>,
  options: { latestVersion: number; timeoutMs?: number },
): Promise<{ health: DatabaseHealth; error?: unknown }> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const version = await withTimeout(
      (async () => appliedSchemaVersion((await connect()).$client))(),
      options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    );
    const pending = Math.max(0, options.latestVersion - version);
    const health: DatabaseHealth = {
      status: pending > 0 ? "outdated" : "up",
      latencyMs: elapsed(),
      schemaVersion: version,
      latestVersion: options.latestVersion,
      pendingMigrations: pending,
      ...(pending > 0 ? { message: "Migrations are pending; run `globallm database migrate`." } : {}),
    };
    return { health };
  } catch (error) {
    // The caller logs `error` (it may name hosts and paths); the health answer carries one safe line.
    return { health: { status: "down", latencyMs: elapsed(), message: explain(error) }, error };
  }
}

class TimeoutError extends Error {}

function withTimeout<T>(work: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError()), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

function explain(error: unknown): string {
  if (error instanceof TimeoutError) return "The database did not answer in time.";
  if (isDatabaseUnavailable(error) || (isAppError(error) && error.type === "unavailable")) {
    return "The database cannot be reached.";
  }
  return "The database answered with an error.";
}
