import { readFileSync } from "node:fs";
import { newAgentId } from "../lib/agents/agent-id";
import { closeDatabase } from "../lib/db/client";
import { connectDatabase, databaseTarget } from "../lib/db/connect";
import { asDatabaseError } from "../lib/db/errors";
import { assertSchemaCurrent } from "../lib/db/migrate";
import { isAppError } from "../lib/errors";
import { createLogger, type LogLevel } from "../lib/logger";
import { loadMachineSettings, machineValue } from "../lib/settings/machine";
import { JobStopped } from "./processors/base-processor";
import { runWorker } from "./run-worker";
import { parseWorkerArgs, workerUsage } from "./worker-options";

const version = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;

async function main(): Promise<number> {
  const args = parseWorkerArgs(process.argv.slice(2));
  if (args.help) {
    process.stdout.write(
      `${workerUsage}\n\nRuns one GlobaLLM agent: claims the highest-priority available issue, heartbeats while its job runs,\nrecords the outcome, and goes on. SIGTERM: stop claiming, finish (or after --grace-seconds give back)\nthe running jobs, exit 0. A second SIGTERM gives them back at once.\n`,
    );
    return 0;
  }
  const machine = loadMachineSettings();
  const log = createLogger("worker", machineValue<LogLevel>(machine, "log.level"));
  const agentId = newAgentId(args.agentId ?? machine.runtime.GLOBALLM_AGENT_ID);
  const stopClaiming = new AbortController();
  const interrupt = new AbortController();
  let grace: NodeJS.Timeout | undefined;
  for (const signal of ["SIGTERM", "SIGINT"] as const) {
    process.on(signal, () => {
      if (stopClaiming.signal.aborted) {
        log.info(`${signal} again: giving running jobs back now`);
        interrupt.abort(new JobStopped("shutdown"));
        return;
      }
      log.info(`${signal}: claiming nothing more; running jobs get ${args.graceSeconds}s to finish`);
      stopClaiming.abort();
      grace = setTimeout(() => interrupt.abort(new JobStopped("shutdown")), args.graceSeconds * 1000);
    });
  }
  const target = databaseTarget(machine);
  const { db } = await connectDatabase(target, {
    applicationName: `globallm-worker:${agentId}`.slice(0, 63),
    // Each loop's job and its heartbeat may query at once, plus housekeeping.
    max: args.dbConnections ?? args.concurrency * 2 + 1,
  });
  try {
    await assertSchemaCurrent(db);
    await runWorker({
      db,
      machine,
      agentId,
      version,
      processor: args.processor,
      concurrency: args.concurrency,
      once: args.once,
      listen: args.listen,
      idleMaxMs: args.idleMaxSeconds * 1000,
      log,
      stopClaiming: stopClaiming.signal,
      interrupt: interrupt.signal,
    });
    return 0;
  } catch (error) {
    throw asDatabaseError(error, target.display);
  } finally {
    clearTimeout(grace);
    await closeDatabase(db);
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const message = isAppError(error)
      ? `${error.message}${error.hint ? ` ${error.hint}` : ""}`
      : error instanceof Error
        ? error.message.split("\n")[0]
        : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exit(isAppError(error) ? error.exitCode : 1);
  },
);
