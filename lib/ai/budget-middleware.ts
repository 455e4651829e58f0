import { APICallError, type LanguageModelMiddleware } from "ai";
import { UnpricedModelError } from "../budget/budget-errors";
import { hasCostLimit } from "../budget/limits";
import type { BudgetPolicy } from "../budget/policy";
import { callCost } from "../budget/prices";
import { reserveBudget } from "../budget/reserve";
import type { BudgetSubject } from "../budget/scopes";
import { type ActualUsage, type BudgetWarning, settleBudget } from "../budget/settle";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { inputTokenBound } from "./input-token-bound";
import type { ModelCallOptions, ModelStreamPart, ModelUsage } from "./model-types";

export interface BudgetMiddlewareOptions {
  db: Database;
  modelId: string;
  subject: BudgetSubject;
  policy: () => Promise<BudgetPolicy>;
  /** A call is aborted after this long; it is also the wall time it reserves. */
  callTimeoutMs: number;
  log?: Logger;
}

// Five minutes covers a long completion; beyond that an agent is better off retrying.
export const defaultCallTimeoutMs = 5 * 60_000;

interface Prepared {
  policy: BudgetPolicy;
  inputBound: number;
  maxOutputTokens: number;
}

/**
 * Puts every model call — each step of generateText/streamText, each retry — through the budget:
 * the output is capped at `model.max_output_tokens` and the call at its timeout, the worst case is
 * reserved before the request leaves, and the provider's reported usage is settled after it.
 */
export function budgetMiddleware(options: BudgetMiddlewareOptions): LanguageModelMiddleware {
  const prepared = new WeakMap<ModelCallOptions, Prepared>();

  async function reserve(params: ModelCallOptions) {
    const entry = prepared.get(params);
    if (!entry) throw new Error("budget middleware: parameters were not prepared");
    const { policy, inputBound, maxOutputTokens } = entry;
    if (!policy.price && hasCostLimit(policy.limits)) throw new UnpricedModelError(options.modelId);
    const reservation = await reserveBudget(options.db, {
      subject: options.subject,
      model: options.modelId,
      limits: policy.limits,
      estimate: {
        costUsd: callCost(policy.price, inputBound, maxOutputTokens),
        tokens: inputBound + maxOutputTokens,
        ms: options.callTimeoutMs,
      },
    });
    return { reservation, ...entry };
  }

  async function settle(
    entryId: number,
    policy: BudgetPolicy,
    usage: ActualUsage | "unknown",
    note?: string,
  ): Promise<void> {
    const warnings: BudgetWarning[] = await settleBudget(
      options.db,
      entryId,
      usage === "unknown" ? { inputTokens: 0, outputTokens: 0, costUsd: 0, wallMs: 0 } : usage,
      { limits: policy.limits, note, chargeReserved: usage === "unknown" },
    );
    for (const warning of warnings) {
      options.log?.warn(
        `budget ${warning.scope}: ${Math.round(warning.threshold * 100)}% of the ${warning.measure} limit used`,
        { used: warning.used, limit: warning.limit },
      );
    }
  }

  function actual(
    usage: ModelUsage | undefined,
    policy: BudgetPolicy,
    startedAt: number,
  ): ActualUsage | "unknown" {
    const input = usage?.inputTokens.total;
    const output = usage?.outputTokens.total;
    if (input === undefined || output === undefined) return "unknown";
    return {
      inputTokens: input,
      outputTokens: output,
      costUsd: callCost(policy.price, input, output),
      wallMs: Date.now() - startedAt,
    };
  }

  function checkBound(usage: ActualUsage | "unknown", inputBound: number, maxOutputTokens: number): void {
    if (usage === "unknown") return;
    if (usage.inputTokens > inputBound || usage.outputTokens > maxOutputTokens) {
      // Cannot happen with a byte-level tokenizer and a provider honouring max_tokens; if it does,
      // the real figures are recorded anyway and the next reservations see them.
      options.log?.warn("the provider reported more tokens than were reserved", {
        input: usage.inputTokens,
        inputBound,
        output: usage.outputTokens,
        maxOutputTokens,
      });
    }
  }

  async function settleFailure(entryId: number, policy: BudgetPolicy, error: unknown): Promise<void> {
    // A provider that answered with an error status did not run the model; anything else (timeout,
    // dropped connection) may have been billed, so it is charged its worst case.
    if (APICallError.isInstance(error) && error.statusCode !== undefined) {
      await settle(
        entryId,
        policy,
        { inputTokens: 0, outputTokens: 0, costUsd: 0, wallMs: 0 },
        `provider answered ${error.statusCode}`,
      );
    } else {
      await settle(
        entryId,
        policy,
        "unknown",
        "the call failed without a usage report; charged its worst case",
      );
    }
  }

  return {
    specificationVersion: "v3",
    async transformParams({ params }) {
      const policy = await options.policy();
      const maxOutputTokens = Math.min(
        params.maxOutputTokens ?? policy.maxOutputTokens,
        policy.maxOutputTokens,
      );
      const timeout = AbortSignal.timeout(options.callTimeoutMs);
      const next: ModelCallOptions = {
        ...params,
        maxOutputTokens,
        abortSignal: params.abortSignal ? AbortSignal.any([params.abortSignal, timeout]) : timeout,
      };
      prepared.set(next, { policy, maxOutputTokens, inputBound: inputTokenBound(next) });
      return next;
    },
    async wrapGenerate({ doGenerate, params }) {
      const { reservation, policy, inputBound, maxOutputTokens } = await reserve(params);
      const startedAt = Date.now();
      let result: Awaited<ReturnType<typeof doGenerate>>;
      try {
        result = await doGenerate();
      } catch (error) {
        await settleFailure(reservation.entryId, policy, error);
        throw error;
      }
      const usage = actual(result.usage, policy, startedAt);
      checkBound(usage, inputBound, maxOutputTokens);
      await settle(
        reservation.entryId,
        policy,
        usage,
        usage === "unknown" ? "no usage reported; charged its worst case" : undefined,
      );
      return result;
    },
    async wrapStream({ doStream, params }) {
      const { reservation, policy, inputBound, maxOutputTokens } = await reserve(params);
      const startedAt = Date.now();
      let result: Awaited<ReturnType<typeof doStream>>;
      try {
        result = await doStream();
      } catch (error) {
        await settleFailure(reservation.entryId, policy, error);
        throw error;
      }
      let usage: ModelUsage | undefined;
      let settled = false;
      const finish = async (failure?: unknown) => {
        if (settled) return;
        settled = true;
        if (failure !== undefined) return settleFailure(reservation.entryId, policy, failure);
        const spent = actual(usage, policy, startedAt);
        checkBound(spent, inputBound, maxOutputTokens);
        await settle(
          reservation.entryId,
          policy,
          spent,
          spent === "unknown" ? "stream ended without usage; charged its worst case" : undefined,
        );
      };
      const reader = result.stream.getReader();
      // A pull-through stream rather than a TransformStream: it also learns of a consumer's cancel.
      const stream = new ReadableStream<ModelStreamPart>({
        async pull(controller) {
          try {
            const { done, value } = await reader.read();
            if (done) {
              await finish();
              controller.close();
              return;
            }
            if (value.type === "finish") usage = value.usage;
            controller.enqueue(value);
          } catch (error) {
            await finish(error);
            controller.error(error);
          }
        },
        async cancel(reason) {
          await finish(reason ?? new Error("stream cancelled"));
          await reader.cancel(reason);
        },
      });
      return { ...result, stream };
    },
  };
}
