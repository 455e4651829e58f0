import { sql } from "drizzle-orm";
import { AppError } from "../errors";
import { priorityFactors } from "../prioritize/priority-breakdown";
import { findSetting } from "./keys";

/** The weights prioritization reads (lib/prioritize/reprioritize.ts), in the order of the factors. */
export const priorityWeightKeys = priorityFactors.map((factor) => `weights.priority.${factor}`);

// Saves that touch priority weights take turns, so that two of them cannot zero every weight
// between them (each seeing the other's weight still above 0).
export const priorityWeightsLock = sql`select pg_advisory_xact_lock(hashtext('globallm:priority-weights'))`;

/** The sum of the priority weights, from stored team values and the defaults for the rest. */
export function priorityWeightSum(stored: Record<string, unknown>): number {
  return priorityWeightKeys.reduce(
    (sum, key) => sum + Number(key in stored ? stored[key] : findSetting(key)?.default),
    0,
  );
}

export function allZeroWeightsError(): AppError {
  return new AppError(
    "bad_request:settings",
    "The priority weights cannot all be 0: at least one factor must count, or every issue would get the same priority.",
    { hint: "Give at least one of weights.priority.* a value above 0." },
  );
}
