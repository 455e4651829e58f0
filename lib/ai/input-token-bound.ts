import type { ModelCallOptions } from "./model-types";

// Chat formats wrap each message in a few special tokens (role markers, separators); 16 is above
// what OpenAI and Anthropic document, plus a fixed allowance for the request's own framing.
const perMessageOverhead = 16;
const perRequestOverhead = 64;

/**
 * An upper bound on the input tokens of a call, known before it is sent. Byte-level BPE tokenizers
 * (GPT, Claude) never produce more tokens than the UTF-8 bytes they encode, and the JSON of the
 * prompt and tool definitions has at least as many bytes as the text it carries, so this can only
 * over-estimate — which is what a worst-case reservation needs.
 */
export function inputTokenBound(
  params: Pick<ModelCallOptions, "prompt" | "tools" | "responseFormat">,
): number {
  const bytes = (value: unknown) =>
    value === undefined ? 0 : Buffer.byteLength(JSON.stringify(value), "utf8");
  return (
    bytes(params.prompt) +
    bytes(params.tools) +
    bytes(params.responseFormat) +
    params.prompt.length * perMessageOverhead +
    perRequestOverhead
  );
}
