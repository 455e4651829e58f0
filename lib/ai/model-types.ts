import type { LanguageModelMiddleware } from "ai";

// The provider-level (v3) shapes, reached through `ai`'s public middleware type so that no
// transitive package has to be imported directly.
type Wrap = NonNullable<LanguageModelMiddleware["wrapGenerate"]>;
type WrapStream = NonNullable<LanguageModelMiddleware["wrapStream"]>;

export type ModelCallOptions = Parameters<Wrap>[0]["params"];
export type ModelGenerateResult = Awaited<ReturnType<Wrap>>;
export type ModelStreamResult = Awaited<ReturnType<WrapStream>>;
export type ModelStreamPart = ModelStreamResult["stream"] extends ReadableStream<infer Part> ? Part : never;
export type ModelUsage = ModelGenerateResult["usage"];
