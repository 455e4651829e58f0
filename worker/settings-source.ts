import type { Database } from "../lib/db/client";
import type { MachineSettings } from "../lib/settings/machine";
import { resolveSettingValues } from "../lib/settings/team";

export interface SettingsSource {
  /** Current settings (key → value), re-read from the database at most every `ttlMs`. */
  get(): Promise<Record<string, unknown>>;
}

/** Team settings change while workers run (a raised budget, a new heartbeat timeout); they follow. */
export function settingsSource(db: Database, machine: MachineSettings, ttlMs = 5000): SettingsSource {
  let cached: { at: number; values: Promise<Record<string, unknown>> } | undefined;
  return {
    get() {
      if (!cached || Date.now() - cached.at > ttlMs) {
        const values = resolveSettingValues(db, machine);
        cached = { at: Date.now(), values };
        values.catch(() => {
          cached = undefined;
        });
      }
      return cached.values;
    },
  };
}
