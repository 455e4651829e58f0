import { AppError } from "../../lib/errors";
import type { JobProcessor } from "./base-processor";

type Factory = () => Promise<JobProcessor>;

// The fix engine registers "fix" here when it lands; until then a worker runs only what is named.
const processors: Record<string, Factory> = {};

// Stand-ins for tests and demos, loaded only in test mode (GLOBALLM_TEST_MODE=1) so a production
// worker can never mark real issues done with a job that does nothing.
const testProcessors: Record<string, Factory> = {
  "record-execution": async () => new (await import("./testing/record-execution")).RecordExecutionProcessor(),
  "model-calls": async () => new (await import("./testing/model-calls")).ModelCallsProcessor(),
};

export function processorNames(testMode: boolean): string[] {
  return Object.keys(testMode ? { ...processors, ...testProcessors } : processors);
}

/** The processor registered under `name`; an unknown name is a usage error (exit 2). */
export async function loadProcessor(name: string, testMode: boolean): Promise<JobProcessor> {
  const factory = processors[name] ?? (testMode ? testProcessors[name] : undefined);
  if (!factory) {
    const known = processorNames(testMode);
    throw new AppError("bad_request:worker", `No job processor named "${name}".`, {
      hint: known.length
        ? `Available: ${known.join(", ")}.`
        : 'No processor is installed yet (the fix engine registers "fix"); test processors need GLOBALLM_TEST_MODE=1.',
    });
  }
  return factory();
}
