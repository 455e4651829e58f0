import type { Database } from "../db/client";
import type { Env } from "../env";
import { AppError } from "../errors";
import { parseSettingText } from "./define";
import { findSetting } from "./keys";
import { allZeroWeightsError, priorityWeightKeys, priorityWeightsLock } from "./priority-weights";
import { type ResolvedSetting, resolveSettings } from "./resolve";
import { readTeamSettings, type TeamSettingChange, writeTeamSetting } from "./team";

export { priorityWeightKeys };
/** Health and impact bars of "worth working on", read by every analysis. */
export const thresholdKeys = ["thresholds.health", "thresholds.impact"];
export const weightAndThresholdKeys = [...priorityWeightKeys, ...thresholdKeys];

const definitions = weightAndThresholdKeys.map((key) => {
  const definition = findSetting(key);
  if (!definition) throw new Error(`${key} is not a setting`);
  return definition;
});

/** Every weight and threshold with its value and where it comes from (default, team value, environment). */
export async function resolveWeightsAndThresholds(db: Database, env: Env): Promise<ResolvedSetting[]> {
  return resolveSettings({ env, file: {}, database: await readTeamSettings(db) }, definitions);
}

/**
 * Saves the weights and thresholds an admin typed (text per key, as `globallm config set` takes
 * it), all or none: each must be in range, none may be fixed by the server's environment, and the
 * priority weights may not all be 0 (every issue would rank the same). Each changed value is
 * audited as `setting.changed` with before and after; unchanged ones are not written.
 * Prioritization reads the weights when it runs, and analysis the thresholds: they apply from the next run.
 */
export async function updateWeightsAndThresholds(
  db: Database,
  options: { values: Record<string, string>; env: Env; actor: string },
): Promise<TeamSettingChange[]> {
  const parsed = parseValues(options.values);
  return db.transaction(async (tx) => {
    await tx.execute(priorityWeightsLock);
    const stored = await readTeamSettings(tx);
    const current = resolveSettings({ env: options.env, file: {}, database: stored }, definitions);
    const locked = current.filter((setting) => setting.source === "env" && setting.key in parsed);
    if (locked.length > 0) {
      throw new AppError("bad_request:settings", "Some values are fixed by the server's environment.", {
        fields: Object.fromEntries(
          locked.map((setting) => [setting.key, `Set by ${setting.envName}; unset it to edit here.`]),
        ),
      });
    }
    const after = resolveSettings(
      { env: options.env, file: {}, database: { ...stored, ...parsed } },
      definitions,
    );
    const weightSum = after
      .filter((setting) => priorityWeightKeys.includes(setting.key))
      .reduce((sum, setting) => sum + Number(setting.value), 0);
    if (!(weightSum > 0)) throw allZeroWeightsError();
    const changes: TeamSettingChange[] = [];
    // Zeros last: each write checks that some weight stays above 0 (writeTeamSetting), in between too.
    const order = [...current].sort((a, b) => Number(parsed[a.key] === 0) - Number(parsed[b.key] === 0));
    for (const setting of order) {
      if (!(setting.key in parsed) || parsed[setting.key] === setting.value) continue;
      changes.push(await writeTeamSetting(tx, setting.definition, parsed[setting.key], options.actor));
    }
    return changes;
  });
}

/** Text to numbers, refusing unknown keys and out-of-range values with a message per field. */
function parseValues(values: Record<string, string>): Record<string, number> {
  const fields: Record<string, string> = {};
  const parsed: Record<string, number> = {};
  for (const [key, text] of Object.entries(values)) {
    const definition = definitions.find((entry) => entry.key === key);
    if (!definition) {
      fields[key] = `${key} is not a priority weight or a threshold.`;
      continue;
    }
    const result = definition.schema.safeParse(parseSettingText(definition.kind, text));
    if (result.success && typeof result.data === "number") parsed[key] = result.data;
    else
      fields[key] = thresholdKeys.includes(key)
        ? "A threshold is a number from 0 to 1."
        : "A weight is a number from 0 to 100.";
  }
  if (Object.keys(fields).length > 0) {
    throw new AppError("bad_request:settings", "Some values are not valid; nothing was saved.", { fields });
  }
  return parsed;
}
