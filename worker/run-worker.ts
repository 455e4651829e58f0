import { hostname } from "node:os";
import { markAgentStopped, registerAgent } from "../lib/agents/registry";
import { issueAvailableChannel } from "../lib/assign/available-channel";
import type { ClaimFilters } from "../lib/assign/types";
import type { Database } from "../lib/db/client";
import type { Logger } from "../lib/logger";
import type { MachineSettings } from "../lib/settings/machine";
import { BudgetGate } from "./budget-gate";
import { runClaimLoop, type WorkerStats } from "./claim-loop";
import { startMaintenance } from "./maintenance";
import type { JobProcessor } from "./processors/base-processor";
import { loadProcessor, processorNames } from "./processors/registry";
import { settingsSource } from "./settings-source";
import { Wakeup } from "./wakeup";

export interface WorkerOptions {
  db: Database;
  machine: MachineSettings;
  agentId: string;
  version?: string;
  /**
   * A registered processor's name, or a processor itself (tests, embedding). Undefined means the
   * default, "fix"; while no fix engine is installed the agent then only does housekeeping.
   */
  processor: string | JobProcessor | undefined;
  concurrency: number;
  once: boolean;
  /** LISTEN for issues becoming available (one more connection) instead of relying on polling alone. */
  listen: boolean;
  idleMinMs?: number;
  idleMaxMs?: number;
  filters?: ClaimFilters;
  log: Logger;
  stopClaiming: AbortSignal;
  interrupt: AbortSignal;
}

/**
 * A worker process: registers its agent, runs `concurrency` claim loops plus housekeeping, and
 * returns once the loops have stopped (queue empty with --once, or after a stop signal).
 */
export async function runWorker(options: WorkerOptions): Promise<WorkerStats> {
  const { db, agentId, log } = options;
  const testMode = options.machine.runtime.GLOBALLM_TEST_MODE;
  const processor =
    options.processor === undefined
      ? processorNames(testMode).includes("fix")
        ? await loadProcessor("fix", testMode)
        : undefined
      : typeof options.processor === "string"
        ? await loadProcessor(options.processor, testMode)
        : options.processor;
  const settings = settingsSource(db, options.machine);
  await settings.get();
  await registerAgent(db, { id: agentId, hostname: hostname(), pid: process.pid, version: options.version });
  log.info(`agent ${agentId} started`, {
    processor: processor?.name ?? "none",
    concurrency: options.concurrency,
  });
  const wakeup = new Wakeup();
  const listening = options.listen
    ? await db.$client
        .listen(issueAvailableChannel, () => wakeup.wake())
        .catch((error: unknown) => {
          log.warn("LISTEN failed; polling only", {
            error: error instanceof Error ? error.message : String(error),
          });
          return undefined;
        })
    : undefined;
  const maintenance = startMaintenance({ db, agentId, settings, log, wakeup });
  const stats: WorkerStats = { claimed: 0, completed: 0, failed: 0, leaseLost: 0, released: 0 };
  const budgetGate = new BudgetGate();
  const modelFor: Parameters<typeof runClaimLoop>[0]["modelFor"] = async (issue, values) => {
    // Loaded on first use: the AI SDK and its providers are not needed by jobs that call no model.
    const [{ createBudgetedModel }, { modelSettings }] = await Promise.all([
      import("../lib/ai/budgeted-model"),
      import("../lib/ai/model-settings"),
    ]);
    return createBudgetedModel({
      db,
      settings: modelSettings(values),
      subject: {
        agentId,
        issueId: issue.issueId,
        repositoryId: issue.repositoryId,
        language: issue.language,
      },
      settingsValues: () => settings.get(),
      log,
    });
  };
  try {
    if (!processor) {
      // Claiming an issue nobody can work would only burn attempts: keep the agent registered and
      // the housekeeping (stale releases) running until told to stop.
      log.warn(
        'no job processor is installed yet (the fix engine registers "fix"): this agent claims nothing',
      );
      if (!options.once && !options.stopClaiming.aborted) {
        await new Promise((resolve) =>
          options.stopClaiming.addEventListener("abort", resolve, { once: true }),
        );
      }
    } else {
      await Promise.all(
        Array.from({ length: options.concurrency }, () =>
          runClaimLoop({
            db,
            agentId,
            log,
            env: options.machine.env,
            processor,
            settings,
            wakeup,
            budgetGate,
            stopClaiming: options.stopClaiming,
            interrupt: options.interrupt,
            once: options.once,
            idleMinMs: options.idleMinMs ?? 250,
            idleMaxMs: options.idleMaxMs ?? 30_000,
            filters: options.filters,
            stats,
            modelFor,
          }),
        ),
      );
    }
  } finally {
    await maintenance.stop();
    await listening?.unlisten().catch(() => undefined);
    await markAgentStopped(db, agentId, options.stopClaiming.aborted ? "signal" : "done");
  }
  log.info(`agent ${agentId} stopped`, { ...stats });
  return stats;
}
