import { type LanguageModel, wrapLanguageModel } from "ai";
import { budgetPolicy } from "../budget/policy";
import type { BudgetSubject } from "../budget/scopes";
import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { budgetMiddleware, defaultCallTimeoutMs } from "./budget-middleware";
import { createLanguageModel, type ModelSettings } from "./model-settings";

export interface BudgetedModelOptions {
  db: Database;
  settings: ModelSettings;
  subject: BudgetSubject;
  /** Current settings (key → value); called before every model call. */
  settingsValues: () => Promise<Record<string, unknown>>;
  callTimeoutMs?: number;
  log?: Logger;
  /** A prebuilt provider model (tests); by default one is made from `settings`. */
  model?: Exclude<LanguageModel, string>;
}

/**
 * The only way GlobaLLM code should get a model: an AI SDK model whose every call reserves its
 * worst case in the shared budget ledger first and settles its real usage after.
 * Use it with `generateText` / `streamText` as any other model.
 */
export function createBudgetedModel(options: BudgetedModelOptions): Exclude<LanguageModel, string> {
  const model = options.model ?? createLanguageModel(options.settings);
  return wrapLanguageModel({
    model: model as Parameters<typeof wrapLanguageModel>[0]["model"],
    middleware: budgetMiddleware({
      db: options.db,
      modelId: options.settings.model,
      subject: options.subject,
      callTimeoutMs: options.callTimeoutMs ?? defaultCallTimeoutMs,
      log: options.log,
      policy: async () => budgetPolicy(await options.settingsValues(), options.settings.model),
    }),
  });
}
