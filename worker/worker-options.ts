import { parseArgs } from "node:util";
import { AppError } from "../lib/errors";

export const workerUsage =
  "usage: globallm-worker [--processor NAME] [--concurrency N] [--once] [--agent-id ID] [--no-listen] [--db-connections N] [--grace-seconds N] [--idle-max-seconds N]";

export interface WorkerArgs {
  help: boolean;
  once: boolean;
  processor?: string;
  concurrency: number;
  agentId?: string;
  listen: boolean;
  dbConnections?: number;
  graceSeconds: number;
  idleMaxSeconds: number;
}

function whole(name: string, value: string | undefined, fallback: number, min: number, max: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min || Number(value) > max) {
    throw new AppError("bad_request:worker", `--${name} must be a whole number from ${min} to ${max}.`, {
      hint: workerUsage,
    });
  }
  return Number(value);
}

/** Parses the worker's flags; anything unknown or out of range is a usage error (exit 2, one line). */
export function parseWorkerArgs(argv: string[]): WorkerArgs {
  let values: Record<string, string | boolean | undefined>;
  try {
    values = parseArgs({
      args: argv,
      options: {
        once: { type: "boolean" },
        processor: { type: "string" },
        concurrency: { type: "string" },
        "agent-id": { type: "string" },
        "no-listen": { type: "boolean" },
        "db-connections": { type: "string" },
        "grace-seconds": { type: "string" },
        "idle-max-seconds": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    throw new AppError("bad_request:worker", (error as Error).message.split("\n")[0], { hint: workerUsage });
  }
  const concurrency = whole("concurrency", values.concurrency as string | undefined, 1, 1, 256);
  return {
    help: values.help === true,
    once: values.once === true,
    // Unset: the fix engine's "fix" when it is installed, otherwise housekeeping only (see runWorker).
    processor: values.processor as string | undefined,
    concurrency,
    agentId: values["agent-id"] as string | undefined,
    listen: values["no-listen"] !== true,
    dbConnections:
      values["db-connections"] === undefined
        ? undefined
        : whole("db-connections", values["db-connections"] as string, 1, 1, 1000),
    graceSeconds: whole("grace-seconds", values["grace-seconds"] as string | undefined, 30, 0, 86_400),
    idleMaxSeconds: whole("idle-max-seconds", values["idle-max-seconds"] as string | undefined, 30, 1, 3600),
  };
}
