import type { LanguageModel } from "ai";
import { type AssignmentSettings, assignmentSettings } from "../lib/assign/assignment-settings";
import { claimNextIssue } from "../lib/assign/claim-next-issue";
import { completeIssue, failIssue } from "../lib/assign/finish-issue";
import { assertLeaseHeld, isLeaseLost } from "../lib/assign/lease";
import { releaseLease } from "../lib/assign/release";
import type { ClaimedIssue, ClaimFilters } from "../lib/assign/types";
import type { Database } from "../lib/db/client";
import type { Env } from "../lib/env";
import type { Logger } from "../lib/logger";
import type { BudgetGate } from "./budget-gate";
import { keepLease } from "./lease-keeper";
import { type JobOutcome, type JobProcessor, JobStopped } from "./processors/base-processor";
import type { SettingsSource } from "./settings-source";
import type { Wakeup } from "./wakeup";

export interface WorkerStats {
  claimed: number;
  completed: number;
  failed: number;
  leaseLost: number;
  released: number;
}

export interface ClaimLoopOptions {
  db: Database;
  agentId: string;
  log: Logger;
  env: Env;
  processor: JobProcessor;
  settings: SettingsSource;
  wakeup: Wakeup;
  budgetGate: BudgetGate;
  /** Aborted on the first SIGTERM: claim nothing more, let the running job finish. */
  stopClaiming: AbortSignal;
  /** Aborted when the grace period ends: abort the running job and give its issue back. */
  interrupt: AbortSignal;
  once: boolean;
  idleMinMs: number;
  idleMaxMs: number;
  filters?: ClaimFilters;
  stats: WorkerStats;
  /** Builds the budgeted model of an issue (loaded on first use: most jobs need no model). */
  modelFor(issue: ClaimedIssue, values: Record<string, unknown>): Promise<LanguageModel>;
}

// An issue whose repository or language budget is spent waits this long before anyone tries it again.
const deferredBudgetSeconds = 15 * 60;

/** One claim loop: claim → heartbeat in the background → run the job → complete/fail → next. */
export async function runClaimLoop(options: ClaimLoopOptions): Promise<void> {
  const { db, agentId, log, stopClaiming, wakeup } = options;
  let idleMs = options.idleMinMs;
  const idle = async () => {
    await wakeup.wait(idleMs, stopClaiming);
    idleMs = Math.min(idleMs * 2, options.idleMaxMs);
  };
  while (!stopClaiming.aborted) {
    let values: Record<string, unknown>;
    let claim: ClaimedIssue | null;
    try {
      values = await options.settings.get();
      if (!(await options.budgetGate.allowsClaims(db, values))) {
        if (options.once) return;
        idleMs = options.idleMaxMs;
        await idle();
        continue;
      }
      claim = await claimNextIssue(db, {
        agentId,
        leaseSeconds: assignmentSettings(values).leaseSeconds,
        filters: options.filters,
      });
    } catch (error) {
      log.warn("could not claim", { error: error instanceof Error ? error.message : String(error) });
      await idle();
      continue;
    }
    if (!claim) {
      if (options.once) return;
      await idle();
      continue;
    }
    idleMs = options.idleMinMs;
    options.stats.claimed++;
    await runJob(options, claim, values);
    if (options.once) return;
  }
}

async function runJob(
  options: ClaimLoopOptions,
  claim: ClaimedIssue,
  values: Record<string, unknown>,
): Promise<void> {
  const { db, agentId, log } = options;
  const rules = assignmentSettings(values);
  const keeper = keepLease({
    db,
    lease: claim,
    leaseSeconds: rules.leaseSeconds,
    intervalMs: rules.heartbeatIntervalMs,
    log,
  });
  // Whatever the caller aborts `interrupt` with, the job sees a shutdown and gives its issue back.
  const job = new AbortController();
  const onInterrupt = () => job.abort(new JobStopped("shutdown"));
  const onLeaseLost = () => job.abort(keeper.signal.reason);
  if (options.interrupt.aborted) onInterrupt();
  options.interrupt.addEventListener("abort", onInterrupt, { once: true });
  keeper.signal.addEventListener("abort", onLeaseLost, { once: true });
  const signal = job.signal;
  let lastProgress = 0;
  let outcome: JobOutcome;
  try {
    outcome = await options.processor.handle({
      db,
      issue: claim,
      agentId,
      signal,
      log,
      settings: values,
      env: options.env,
      assertLease: () => assertLeaseHeld(db, claim),
      model: () => options.modelFor(claim, values),
      async progress(percent, message) {
        // At most one progress event a second: they feed a live view, not a log.
        if (percent < 100 && Date.now() - lastProgress < 1000) return;
        lastProgress = Date.now();
        await db.$client`
          insert into events (actor, action, subject_type, subject_id, data)
          select ${`agent:${agentId}`}, 'issue.progress', 'issue', id::text,
            jsonb_build_object('percent', ${Math.max(0, Math.min(100, percent))}::int, 'message', ${message ?? null}::text,
              'leaseToken', lease_token)
          from issues where id = ${claim.issueId} and lease_token = ${claim.leaseToken} and assignment_status = 'assigned'`;
      },
    });
  } finally {
    keeper.stop();
    options.interrupt.removeEventListener("abort", onInterrupt);
    keeper.signal.removeEventListener("abort", onLeaseLost);
  }
  try {
    await settle(options, claim, outcome, rules);
  } catch (error) {
    if (isLeaseLost(error)) {
      options.stats.leaseLost++;
      log.warn(`issue ${claim.issueId}: the lease was lost before the outcome could be recorded`);
    } else {
      // The lease runs out and the issue returns to the pool: nothing is lost, only delayed.
      log.error(`issue ${claim.issueId}: could not record the outcome`, {
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }
}

async function settle(
  options: ClaimLoopOptions,
  claim: ClaimedIssue,
  outcome: JobOutcome,
  rules: AssignmentSettings,
): Promise<void> {
  const { db, log, stats } = options;
  switch (outcome.kind) {
    case "completed":
      await completeIssue(db, claim, outcome.result);
      stats.completed++;
      return;
    case "failed": {
      const result = await failIssue(db, claim, {
        error: outcome.error,
        retryable: outcome.retryable,
        maxAttempts: rules.maxAttempts,
        backoff: rules.backoff,
      });
      stats.failed++;
      log.warn(`issue ${claim.issueId} failed (attempt ${claim.attempt}): ${outcome.error}`, {
        status: result.status,
      });
      return;
    }
    case "lease_lost":
      stats.leaseLost++;
      log.warn(`issue ${claim.issueId}: abandoned, the lease was lost`);
      return;
    case "interrupted":
      await releaseLease(db, claim, { reason: "shutdown" });
      stats.released++;
      log.info(`issue ${claim.issueId} given back on shutdown`);
      return;
    case "budget":
      if (outcome.scope === "issue") {
        await failIssue(db, claim, {
          error: outcome.error,
          retryable: false,
          maxAttempts: rules.maxAttempts,
        });
        stats.failed++;
      } else {
        await releaseLease(db, claim, {
          reason: "budget",
          deferSeconds: outcome.scope === "deferred" ? deferredBudgetSeconds : 0,
        });
        stats.released++;
        if (outcome.scope === "global") options.budgetGate.close();
      }
      log.warn(`issue ${claim.issueId}: ${outcome.error}`);
      return;
  }
}
