import type { SettingKind } from "@/lib/settings/define";
import type { ResolvedSetting, SettingSource } from "@/lib/settings/resolve";

/** What the Settings page sends to the browser for one team setting: plain data, no schema. */
export interface SettingView {
  key: string;
  group: string;
  description: string;
  kind: SettingKind;
  /** The value as a person would type it (the same text `globallm config set` accepts). */
  text: string;
  source: SettingSource;
  envName?: string;
  nullable: boolean;
}

export function toSettingView(setting: ResolvedSetting): SettingView {
  const { definition } = setting;
  return {
    key: setting.key,
    group: definition.group ?? "Other",
    description: definition.description,
    kind: definition.kind,
    text: settingText(definition.kind, setting.value),
    source: setting.source,
    ...(setting.envName ? { envName: setting.envName } : {}),
    nullable: definition.schema.safeParse(null).success,
  };
}

function settingText(kind: SettingKind, value: unknown): string {
  if (value === null || value === undefined) return "none";
  if (kind === "list" && Array.isArray(value)) return value.join(", ");
  if (kind === "json") return JSON.stringify(value, null, 2);
  return String(value);
}

/** Settings grouped as the registry groups them, in registry order. */
export function groupSettings(settings: SettingView[]): { name: string; items: SettingView[] }[] {
  const groups = new Map<string, SettingView[]>();
  for (const setting of settings) groups.set(setting.group, [...(groups.get(setting.group) ?? []), setting]);
  return [...groups.entries()].map(([name, items]) => ({ name, items }));
}
