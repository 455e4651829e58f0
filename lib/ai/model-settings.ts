import { createAnthropic } from "@ai-sdk/anthropic";
import { createOpenAI } from "@ai-sdk/openai";
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import type { LanguageModel } from "ai";
import { AppError } from "../errors";

export type ModelProvider = "openai" | "anthropic" | "openai-compatible";

export interface ModelSettings {
  provider: ModelProvider;
  baseUrl: string | null;
  /** Secret: passed to the provider client only, never logged, never put in an agent's environment. */
  apiKey: string | null;
  model: string;
  maxOutputTokens: number;
}

/** Reads `llm.*` and `model.*` from resolved settings (key → value). */
export function modelSettings(values: Record<string, unknown>): ModelSettings {
  return {
    provider: (values["llm.provider"] as ModelProvider | undefined) ?? "openai",
    baseUrl: (values["llm.base_url"] as string | null | undefined) ?? null,
    apiKey: (values["llm.api_key"] as string | null | undefined) ?? null,
    model: String(values["model.name"] ?? "gpt-4.1-mini"),
    maxOutputTokens: Number(values["model.max_output_tokens"] ?? 8192),
  };
}

/**
 * The AI SDK model for the configured provider. OpenAI is used through its Chat Completions API so
 * that `llm.base_url` may point at any OpenAI-compatible server (a proxy, a local model, a test stand-in).
 */
export function createLanguageModel(settings: ModelSettings): Exclude<LanguageModel, string> {
  const baseURL = settings.baseUrl ?? undefined;
  const apiKey = settings.apiKey ?? undefined;
  switch (settings.provider) {
    case "openai-compatible":
      if (!baseURL) {
        throw new AppError(
          "bad_request:config",
          "llm.base_url must be set for the openai-compatible provider.",
          {
            hint: "globallm config set llm.base_url http://HOST:PORT/v1",
          },
        );
      }
      return createOpenAICompatible({
        name: "openai-compatible",
        baseURL,
        apiKey,
        includeUsage: true,
      }).chatModel(settings.model);
    case "anthropic":
      requireKey(apiKey, "anthropic");
      return createAnthropic({ apiKey, baseURL })(settings.model);
    default:
      requireKey(apiKey, "openai");
      return createOpenAI({ apiKey, baseURL }).chat(settings.model);
  }
}

function requireKey(apiKey: string | undefined, provider: string): void {
  if (!apiKey) {
    throw new AppError("bad_request:config", `No API key for the ${provider} provider.`, {
      hint: "Set llm.api_key (or OPENAI_API_KEY / ANTHROPIC_API_KEY) in the environment or the config file.",
    });
  }
}
