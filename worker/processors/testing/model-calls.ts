import { generateText } from "ai";
import { z } from "zod";
import { BaseProcessor, type ProcessorContext } from "../base-processor";

const payloadSchema = z.object({ issueId: z.number().int().positive(), title: z.string() });
type Payload = z.infer<typeof payloadSchema>;

/**
 * Stand-in for the fix engine in budget tests: makes GLOBALLM_TEST_MODEL_CALLS (default 3) priced
 * model calls for the issue through the budgeted model, as an agent's steps would.
 */
export class ModelCallsProcessor extends BaseProcessor<Payload> {
  readonly name = "model-calls";
  protected readonly payloadSchema = payloadSchema;

  protected async process({ payload, signal, env, model, progress }: ProcessorContext<Payload>) {
    const calls = Number(env.GLOBALLM_TEST_MODEL_CALLS ?? 3);
    const budgeted = await model();
    let tokens = 0;
    for (let step = 1; step <= calls; step++) {
      const result = await generateText({
        model: budgeted,
        system: "You fix open-source issues.",
        prompt: `Issue #${payload.issueId}: ${payload.title}. Step ${step} of ${calls}.`,
        abortSignal: signal,
        maxRetries: 0,
      });
      tokens += result.usage.totalTokens ?? 0;
      await progress(Math.round((step / calls) * 100), `step ${step}`);
    }
    return { calls, tokens };
  }
}
