import type { Env } from "../env";
import { AppError } from "../errors";
import { envNameFor, parseSettingText, type SettingDefinition } from "./define";
import { findSetting, settingDefinitions } from "./keys";

export type SettingSource = "default" | "file" | "database" | "env";

export interface ResolvedSetting {
  key: string;
  value: unknown;
  source: SettingSource;
  /** The environment variable that supplied the value, when source is env. */
  envName?: string;
  definition: SettingDefinition;
}

export type SettingValues = Record<string, unknown>;

export interface SettingLayers {
  env: Env;
  /** Values from the machine's config file (machine-scope keys). */
  file: SettingValues;
  /** Values from the database's settings table (team-scope keys); undefined when not loaded. */
  database?: SettingValues;
}

/** Precedence, lowest first: default, config file (machine keys), database (team keys), environment. */
export function resolveSettings(layers: SettingLayers, definitions = settingDefinitions): ResolvedSetting[] {
  return definitions.map((definition) => resolveOne(definition, layers));
}

function resolveOne(definition: SettingDefinition, layers: SettingLayers): ResolvedSetting {
  const { key } = definition;
  for (const envName of [envNameFor(key), ...(definition.envAliases ?? [])]) {
    const text = layers.env[envName];
    if (text !== undefined && text.trim() !== "") {
      const value = validateSettingValue(
        definition,
        parseSettingText(definition.kind, text),
        `environment variable ${envName}`,
        text,
      );
      return { key, value, source: "env", envName, definition };
    }
  }
  const stored = definition.scope === "team" ? layers.database : layers.file;
  if (stored && key in stored) {
    const where = definition.scope === "team" ? "the database" : "the config file";
    return {
      key,
      value: validateSettingValue(definition, stored[key], where),
      source: definition.scope === "team" ? "database" : "file",
      definition,
    };
  }
  return { key, value: definition.default, source: "default", definition };
}

export function validateSettingValue(
  definition: SettingDefinition,
  value: unknown,
  where = "input",
  typed?: string,
): unknown {
  const result = definition.schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  // Type mismatches are explained by the hint; range and format problems by zod's own words.
  const problem = issue && issue.code !== "invalid_type" ? ` (${issue.message.toLowerCase()})` : "";
  const shown =
    typed !== undefined
      ? JSON.stringify(typed)
      : typeof value === "symbol"
        ? "(not valid JSON)"
        : JSON.stringify(value);
  const from = where === "input" ? "" : ` in ${where}`;
  throw new AppError("bad_request:config", `Invalid value ${shown} for ${definition.key}${from}${problem}.`, {
    hint: expectedHint(definition),
  });
}

/** Parses and validates what a person typed for a key; unknown keys and bad values are usage errors. */
export function parseSettingInput(
  key: string,
  text: string,
): { definition: SettingDefinition; value: unknown } {
  const definition = requireSetting(key);
  const value = validateSettingValue(definition, parseSettingText(definition.kind, text), "input", text);
  return { definition, value };
}

export function requireSetting(key: string): SettingDefinition {
  const definition = findSetting(key);
  if (definition) return definition;
  const suggestion = closestKey(key);
  throw new AppError("bad_request:config", `Unknown setting "${key}".`, {
    hint: suggestion
      ? `Did you mean "${suggestion}"? Run \`globallm config show\` for all keys.`
      : "Run `globallm config show` for all keys.",
  });
}

function expectedHint(definition: SettingDefinition): string {
  const hints: Record<string, string> = {
    integer: "Expected a whole number.",
    number: "Expected a number.",
    fraction: "Expected a number between 0 and 1.",
    boolean: "Expected true or false.",
    list: "Expected a comma-separated list.",
    json: "Expected JSON.",
    url: "Expected a URL such as https://example.com.",
    string: "Expected text.",
  };
  const nullable = definition.schema.safeParse(null).success ? ' Use "none" to clear it.' : "";
  return `${hints[definition.kind] ?? ""}${nullable} ${definition.description}`.trim();
}

function closestKey(key: string): string | undefined {
  let best: { key: string; distance: number } | undefined;
  for (const definition of settingDefinitions) {
    const distance = editDistance(key.toLowerCase(), definition.key);
    if (!best || distance < best.distance) best = { key: definition.key, distance };
  }
  return best && best.distance <= Math.max(2, Math.floor(key.length / 4)) ? best.key : undefined;
}

function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0]!;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j]!;
      previous[j] = Math.min(above + 1, previous[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length]!;
}

/** Shows enough of a secret to recognise it, never enough to use it. */
export function maskSecret(value: unknown): unknown {
  if (typeof value !== "string" || value === "") return value;
  if (/^postgres(ql)?:\/\//.test(value)) return maskUrlPassword(value);
  return value.length >= 16 ? `${value.slice(0, 4)}…${value.slice(-4)}` : "****";
}

export function maskUrlPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "****";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]+):[^@]*@/, "//$1:****@");
  }
}
