import type { LanguageModel } from "ai";
import { ZodError, type z } from "zod";
import { isLeaseLost } from "../../lib/assign/lease";
import type { ClaimedIssue } from "../../lib/assign/types";
import { BudgetExceededError, UnpricedModelError } from "../../lib/budget/budget-errors";
import type { Database } from "../../lib/db/client";
import { isDatabaseUnavailable } from "../../lib/db/errors";
import type { Env } from "../../lib/env";
import { isAppError } from "../../lib/errors";
import type { Logger } from "../../lib/logger";

/** An error that trying again cannot fix (bad payload, a rule the issue breaks): fail at once. */
export class NonRetryableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "NonRetryableError";
  }
}

/** Why the worker aborted a running job; carried as the AbortSignal's reason. */
export type StopReason = "lease_lost" | "shutdown";

export class JobStopped extends Error {
  constructor(readonly reason: StopReason) {
    super(reason === "lease_lost" ? "The lease was lost." : "The worker is shutting down.");
    this.name = "JobStopped";
  }
}

export interface ProcessorContext<Payload> {
  db: Database;
  issue: ClaimedIssue;
  payload: Payload;
  agentId: string;
  /** Aborted when the lease is lost or the worker must stop now; pass it to every await that can take long. */
  signal: AbortSignal;
  log: Logger;
  /** Resolved settings (key → value) as of the claim. */
  settings: Record<string, unknown>;
  /** Process environment, for processor options; never hand it to an agent's sandbox as is. */
  env: Env;
  /** Records progress (0–100) as an `issue.progress` event, only while the lease is held. */
  progress(percent: number, message?: string): Promise<void>;
  /** Throws LeaseLostError unless the lease is still held: call right before any side effect. */
  assertLease(): Promise<void>;
  /** The model for this issue; every call goes through the shared budget. */
  model(): Promise<LanguageModel>;
}

/** What the worker hands a job; the processor adds the validated payload. */
export type JobContext = Omit<ProcessorContext<unknown>, "payload">;

/** What the worker runs: anything with a name that turns a claimed issue into an outcome. */
export interface JobProcessor {
  readonly name: string;
  handle(context: JobContext): Promise<JobOutcome>;
}

/** How a job ended, which decides what happens to its issue. */
export type JobOutcome =
  | { kind: "completed"; result: Record<string, unknown> }
  | { kind: "failed"; error: string; retryable: boolean }
  | { kind: "lease_lost" }
  | { kind: "interrupted" }
  /** `global`: the overall/weekly budget (or pricing) stops all work; `deferred`: this repository or
   * language is spent, try other issues; `issue`: this issue's own budget is spent. */
  | { kind: "budget"; scope: "global" | "deferred" | "issue"; error: string };

/**
 * The base every job extends: it validates the payload, runs the job, and turns whatever happened
 * into an outcome the worker acts on — retryable or not, lease lost, interrupted, out of budget.
 * Processors must be idempotent: an issue whose worker died is run again from the start.
 */
export abstract class BaseProcessor<Payload = ClaimedIssue> implements JobProcessor {
  abstract readonly name: string;
  protected abstract readonly payloadSchema: z.ZodType<Payload>;

  /** The job itself; its return value is recorded with the completion. */
  protected abstract process(
    context: ProcessorContext<Payload>,
  ): Promise<Record<string, unknown> | undefined>;

  /** What the payload is built from; by default the claimed issue itself. */
  protected payloadOf(issue: ClaimedIssue): unknown {
    return issue;
  }

  async handle(context: JobContext): Promise<JobOutcome> {
    let payload: Payload;
    try {
      payload = this.payloadSchema.parse(this.payloadOf(context.issue));
    } catch (error) {
      return {
        kind: "failed",
        error: `Invalid payload for ${this.name}: ${message(error)}`,
        retryable: false,
      };
    }
    try {
      const result = await this.process({ ...context, payload });
      // A job that ignored its signal must still not report success for a lease it lost.
      if (context.signal.aborted) return this.classify(context.signal.reason, context.signal);
      return { kind: "completed", result: result ?? {} };
    } catch (error) {
      return this.classify(error, context.signal);
    }
  }

  protected classify(error: unknown, signal: AbortSignal): JobOutcome {
    const stopped = signal.aborted && signal.reason instanceof JobStopped ? signal.reason : undefined;
    if (isLeaseLost(error) || stopped?.reason === "lease_lost") return { kind: "lease_lost" };
    if (stopped?.reason === "shutdown") return { kind: "interrupted" };
    if (error instanceof UnpricedModelError) return { kind: "budget", scope: "global", error: error.message };
    if (error instanceof BudgetExceededError) {
      const scope =
        error.kind === "per_issue"
          ? "issue"
          : error.kind === "overall" || error.kind === "weekly"
            ? "global"
            : "deferred";
      return { kind: "budget", scope, error: error.message };
    }
    if (error instanceof NonRetryableError || error instanceof ZodError) {
      return { kind: "failed", error: message(error), retryable: false };
    }
    if (isAppError(error) && error.type === "bad_request")
      return { kind: "failed", error: error.message, retryable: false };
    if (isDatabaseUnavailable(error))
      return { kind: "failed", error: "The database was unreachable.", retryable: true };
    return { kind: "failed", error: message(error), retryable: true };
  }
}

function message(error: unknown): string {
  if (error instanceof ZodError)
    return error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ");
  return error instanceof Error ? error.message : String(error);
}
