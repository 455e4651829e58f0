import { setTimeout as sleep } from "node:timers/promises";
import { touchAgent } from "../lib/agents/registry";
import type { Database } from "../lib/db/client";
import type { Logger } from "../lib/logger";

/** One unit of work: returns true when it did something, false when there was nothing to do. */
export type WorkerStep = (context: {
  db: Database;
  agentId: string;
  signal: AbortSignal;
  log: Logger;
}) => Promise<boolean>;

export interface WorkerLoopOptions {
  db: Database;
  agentId: string;
  log: Logger;
  signal: AbortSignal;
  step: WorkerStep;
  /** Stop after the first pass instead of polling. */
  once?: boolean;
  idleMinMs?: number;
  idleMaxMs?: number;
}

/**
 * Runs steps until stopped. When there is nothing to do it polls with exponential backoff, so an
 * idle fleet of workers costs the database almost nothing.
 */
export async function runWorkerLoop(options: WorkerLoopOptions): Promise<{ steps: number }> {
  const { db, agentId, log, signal, step } = options;
  const idleMin = options.idleMinMs ?? 1000;
  const idleMax = options.idleMaxMs ?? 30_000;
  let idle = idleMin;
  let steps = 0;
  while (!signal.aborted) {
    await touchAgent(db, agentId);
    const worked = await step({ db, agentId, signal, log });
    if (worked) {
      steps++;
      idle = idleMin;
    }
    if (options.once) break;
    if (!worked) {
      log.debug(`nothing to do; next look in ${idle} ms`);
      await sleep(idle, undefined, { signal }).catch(() => undefined);
      idle = Math.min(idle * 2, idleMax);
    }
  }
  return { steps };
}

/** Until the fix engine lands, a worker has no jobs of its own: it stays registered and idle. */
export const idleStep: WorkerStep = async () => false;
