import { eq } from "drizzle-orm";
import type { Database } from "../db/client";
import { events, settings } from "../db/schema";
import type { SettingDefinition } from "./define";
import { settingDefinitions } from "./keys";
import type { MachineSettings } from "./machine";
import {
  allZeroWeightsError,
  priorityWeightKeys,
  priorityWeightSum,
  priorityWeightsLock,
} from "./priority-weights";
import { type ResolvedSetting, resolveSettings, type SettingValues } from "./resolve";

/** The database, or a transaction on it: a team setting can be read and written as part of a larger change. */
export type SettingsStore = Database | Parameters<Parameters<Database["transaction"]>[0]>[0];

export async function readTeamSettings(db: SettingsStore): Promise<SettingValues> {
  const rows = await db.select({ key: settings.key, value: settings.value }).from(settings);
  return Object.fromEntries(rows.map((row) => [row.key, row.value]));
}

/** Every setting with its value and where it came from. */
export async function resolveAllSettings(db: Database, machine: MachineSettings): Promise<ResolvedSetting[]> {
  return resolveSettings({ env: machine.env, file: machine.file, database: await readTeamSettings(db) });
}

/** Every setting's effective value by key, as the domain code reads them. */
export async function resolveSettingValues(
  db: Database,
  machine: MachineSettings,
): Promise<Record<string, unknown>> {
  const resolved = await resolveAllSettings(db, machine);
  return Object.fromEntries(resolved.map((setting) => [setting.key, setting.value]));
}

export interface TeamSettingChange {
  key: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

/**
 * Stores a validated team-wide value (null restores the default) and audits the change in the
 * same transaction, so a change is never made without its event. Whichever door it comes from,
 * the last priority weight above 0 cannot be set to 0.
 */
export async function writeTeamSetting(
  db: SettingsStore,
  definition: SettingDefinition,
  value: unknown,
  actor: string,
): Promise<TeamSettingChange> {
  return db.transaction(async (tx) => {
    // Lock the row (if any) so two concurrent edits record a consistent before/after.
    const [current] = await tx.select().from(settings).where(eq(settings.key, definition.key)).for("update");
    const before = current ? current.value : definition.default;
    // null is "back to the default"; when the default itself is null (an unlimited budget), the
    // row is removed rather than storing a null the settings table does not accept.
    const restoringDefault = value === null;
    const after = restoringDefault ? definition.default : value;
    if (JSON.stringify(before) === JSON.stringify(after) && (current !== undefined) === !restoringDefault) {
      return { key: definition.key, before, after, changed: false };
    }
    if (priorityWeightKeys.includes(definition.key)) {
      await tx.execute(priorityWeightsLock);
      const stored = await readTeamSettings(tx);
      if (!(priorityWeightSum({ ...stored, [definition.key]: after }) > 0)) throw allZeroWeightsError();
    }
    if (restoringDefault) {
      await tx.delete(settings).where(eq(settings.key, definition.key));
    } else {
      await tx
        .insert(settings)
        .values({ key: definition.key, value: after as object, updatedBy: actor })
        .onConflictDoUpdate({
          target: settings.key,
          set: { value: after as object, updatedBy: actor, updatedAt: new Date() },
        });
    }
    await tx.insert(events).values({
      actor,
      action: "setting.changed",
      subjectType: "setting",
      subjectId: definition.key,
      data: { before, after },
    });
    return { key: definition.key, before, after, changed: true };
  });
}

export function teamDefinitions(): SettingDefinition[] {
  return settingDefinitions.filter((definition) => definition.scope === "team");
}
