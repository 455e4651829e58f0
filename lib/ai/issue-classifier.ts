import {
  APICallError,
  generateText,
  type LanguageModel,
  NoObjectGeneratedError,
  NoOutputGeneratedError,
  RetryError,
  TypeValidationError,
} from "ai";
import { isBudgetError } from "../budget/budget-errors";
import type { IssueModelClassifier, ModelIssueInput, ModelVerdict } from "../classify/model-step";
import type { Database } from "../db/client";
import { isAppError } from "../errors";
import type { Logger } from "../logger";
import { createBudgetedModel } from "./budgeted-model";
import { issuePrompt, issueSystemPrompt, issueVerdictOutput, reasonLine } from "./issue-prompt";
import { cachedVerdict, storeVerdict } from "./issue-verdict-cache";
import { createLanguageModel, type ModelSettings, modelSettings } from "./model-settings";

export interface ModelIssueClassifierOptions {
  db: Database;
  settings: ModelSettings;
  /** Current settings (key → value), read before every call for the budget limits and prices. */
  settingsValues: () => Promise<Record<string, unknown>>;
  log?: Logger;
  /** A prebuilt provider model (tests); by default one is made from `settings`. */
  model?: Exclude<LanguageModel, string>;
  /** One categorization is a short answer; a model that takes longer is treated as unavailable. */
  callTimeoutMs?: number;
  /** After this many failed calls in a row, the model is not asked again by this classifier. */
  maxFailuresInARow?: number;
}

// The answer is four short fields; the cap is also what each call reserves from the budget.
const maxOutputTokens = 400;

/**
 * The model step of categorization: asks the configured model for a structured verdict, once per
 * issue version (cached in issue_model_verdicts by issue, GitHub `updated_at` and model), each
 * call charged to the issue's repository in the budget. Creating it fails with `bad_request:config`
 * when the provider lacks its key or URL.
 *
 * It declines — the offline verdict stands — when the budget refuses the call, when the answer is
 * not a valid verdict, and when the provider fails (error status, network, timeout): the verdict it
 * would improve on already exists, so one bad call must not stop a prioritization run over
 * thousands of issues. A provider that keeps failing is not asked again in this run, so an outage
 * or a revoked key costs a few calls rather than one timeout per issue. Other errors (the database)
 * propagate.
 */
export function createModelIssueClassifier(options: ModelIssueClassifierOptions): IssueModelClassifier {
  const provider = options.model ?? createLanguageModel(options.settings);
  const modelId = options.settings.model;
  const maxFailures = options.maxFailuresInARow ?? 3;
  let failuresInARow = 0;
  // A spent budget refuses every issue of a repository alike: say so once per budget scope.
  const refusedScopes = new Set<string>();

  function decline(issue: ModelIssueInput, error: unknown): undefined {
    const cause = RetryError.isInstance(error) ? error.lastError : error;
    const log = options.log;
    if (isBudgetError(cause)) {
      const scope = "scope" in cause ? cause.scope : "prices";
      const first = !refusedScopes.has(scope);
      refusedScopes.add(scope);
      log?.[first ? "warn" : "debug"](`model step declined issue ${issue.id}: ${cause.message}`);
      return undefined;
    }
    const malformed =
      NoObjectGeneratedError.isInstance(cause) ||
      NoOutputGeneratedError.isInstance(cause) ||
      TypeValidationError.isInstance(cause);
    const unavailable = APICallError.isInstance(cause) || isTimeout(cause);
    if (!malformed && !unavailable) throw error;
    failuresInARow++;
    log?.warn(
      malformed
        ? `model answer for issue ${issue.id} is not a valid verdict; the offline verdict stands`
        : `model call for issue ${issue.id} failed (${(cause as Error).message}); the offline verdict stands`,
    );
    if (failuresInARow === maxFailures) {
      log?.warn(`model step off for the rest of this run after ${maxFailures} failed calls in a row`);
    }
    return undefined;
  }

  return {
    async classify(issue, offline) {
      // An issue without GitHub's updated_at has no version to key a verdict by: asked, not cached.
      const key = issue.updatedAt && { id: issue.id, updatedAt: issue.updatedAt, model: modelId };
      const cached = key && (await cachedVerdict(options.db, key));
      if (cached) return cached;
      if (failuresInARow >= maxFailures) return undefined;
      const model = createBudgetedModel({
        db: options.db,
        settings: options.settings,
        // Categorizing is spent on the repository's issues, not on fixing this one: the per-issue
        // budget is left to the agent that may later work on it.
        subject: { repositoryId: issue.repositoryId },
        settingsValues: options.settingsValues,
        callTimeoutMs: options.callTimeoutMs ?? 60_000,
        log: options.log,
        model: provider,
      });
      let verdict: ModelVerdict;
      try {
        const { output } = await generateText({
          model,
          system: issueSystemPrompt,
          prompt: issuePrompt(issue, offline),
          output: issueVerdictOutput(options.settings.provider),
          maxOutputTokens,
        });
        verdict = { ...output, reason: reasonLine(output.reason) || undefined };
      } catch (error) {
        return decline(issue, error);
      }
      failuresInARow = 0;
      if (key) await storeVerdict(options.db, key, verdict);
      return verdict;
    },
  };
}

function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/**
 * The model step as the settings describe it (`llm.*`, `model.name`), for a door whose
 * `classify.use_model` is on. A provider without its key or URL is not a reason to stop
 * categorizing: it says why once and returns none, so the offline verdicts stand.
 */
export function configuredIssueClassifier(
  db: Database,
  values: Record<string, unknown>,
  options: Pick<ModelIssueClassifierOptions, "settingsValues" | "log">,
): IssueModelClassifier | undefined {
  try {
    return createModelIssueClassifier({ db, settings: modelSettings(values), ...options });
  } catch (error) {
    if (!(isAppError(error) && error.code === "bad_request:config")) throw error;
    options.log?.warn(
      `classify.use_model is on but the model is not configured (${error.message}); categorizing offline`,
      {
        hint: error.hint,
      },
    );
    return undefined;
  }
}
