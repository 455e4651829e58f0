import { readFileSync } from "node:fs";
import { hostname } from "node:os";
import { parseArgs } from "node:util";
import { newAgentId } from "../lib/agents/agent-id";
import { markAgentStopped, registerAgent } from "../lib/agents/registry";
import { closeDatabase } from "../lib/db/client";
import { connectDatabase, databaseTarget } from "../lib/db/connect";
import { asDatabaseError } from "../lib/db/errors";
import { assertSchemaCurrent } from "../lib/db/migrate";
import { isAppError } from "../lib/errors";
import { createLogger, type LogLevel } from "../lib/logger";
import { loadMachineSettings, machineValue } from "../lib/settings/machine";
import { idleStep, runWorkerLoop } from "./loop";

const usage = "usage: globallm-worker [--once] [--agent-id ID]";
const version = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

async function main(): Promise<number> {
  let args: { once?: boolean; "agent-id"?: string; help?: boolean };
  try {
    args = parseArgs({
      options: {
        once: { type: "boolean" },
        "agent-id": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    }).values;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message} (${usage})\n`);
    return 2;
  }
  if (args.help) {
    process.stdout.write(
      `${usage}\n\nRuns one GlobaLLM agent: claims work, heartbeats, reports progress. Stops cleanly on SIGTERM.\n`,
    );
    return 0;
  }
  const machine = loadMachineSettings();
  const log = createLogger("worker", machineValue<LogLevel>(machine, "log.level"));
  const agentId = newAgentId(args["agent-id"] ?? machine.runtime.GLOBALLM_AGENT_ID);
  const stop = new AbortController();
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.once(signal, () => {
      log.info(`${signal} received: finishing the current step, then stopping`);
      stop.abort();
    });
  }
  const target = databaseTarget(machine);
  const { db } = await connectDatabase(target, { applicationName: `globallm-worker:${agentId}`, max: 3 });
  try {
    await assertSchemaCurrent(db);
    await registerAgent(db, { id: agentId, hostname: hostname(), pid: process.pid, version });
    log.info(`agent ${agentId} started`, { database: target.display });
    const { steps } = await runWorkerLoop({
      db,
      agentId,
      log,
      signal: stop.signal,
      step: idleStep,
      once: args.once,
    });
    await markAgentStopped(db, agentId, stop.signal.aborted ? "signal" : "done");
    log.info(`agent ${agentId} stopped after ${steps} step(s)`);
    return 0;
  } catch (error) {
    throw asDatabaseError(error, target.display);
  } finally {
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = isAppError(error)
      ? `${error.message}${error.hint ? ` ${error.hint}` : ""}`
      : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(isAppError(error) ? error.exitCode : 1);
  },
);
