import { z } from "zod";

/**
 * Where a setting lives. Machine-local values (connections, secrets, log level) belong to one
 * computer: the config file and the environment. Team-wide values (filters, thresholds, weights,
 * budgets, models) are shared through the database so the CLI and the web app change the same value.
 */
export type SettingScope = "machine" | "team";

export type SettingKind = "integer" | "number" | "fraction" | "boolean" | "string" | "url" | "list" | "json";

export interface SettingDefinition<T = unknown> {
  key: string;
  scope: SettingScope;
  kind: SettingKind;
  schema: z.ZodType<T>;
  default: T;
  description: string;
  /** Secrets are masked wherever they are shown and never sent to a browser or an agent. */
  secret?: boolean;
  /** Extra environment variable names that set this value (besides GLOBALLM_<KEY>). */
  envAliases?: string[];
  /** The web Settings page groups team settings by this. */
  group?: string;
}

export function defineSetting<T>(definition: SettingDefinition<T>): SettingDefinition<T> {
  return definition;
}

const kindSchemas = {
  integer: z.number().int(),
  number: z.number(),
  fraction: z.number().min(0).max(1),
};

export const schemas = {
  count: kindSchemas.integer.min(0),
  positiveInteger: kindSchemas.integer.min(1),
  fraction: kindSchemas.fraction,
  weight: z.number().min(0).max(100),
  /** A limit that may be absent: null means "no limit". */
  optionalLimit: z.number().min(0).nullable(),
  url: z.url(),
};

/** `GLOBALLM_FILTERS_MIN_STARS` for `filters.min_stars`. */
export function envNameFor(key: string): string {
  return `GLOBALLM_${key.replace(/[^a-zA-Z0-9]+/g, "_").toUpperCase()}`;
}

/**
 * Turns the text a person typed (`config set KEY VALUE`, an environment variable, a form field)
 * into a value of the setting's kind, before the schema validates it.
 */
export function parseSettingText(kind: SettingKind, text: string): unknown {
  const trimmed = text.trim();
  switch (kind) {
    case "integer":
    case "number":
    case "fraction": {
      if (/^(none|null|off|unlimited)$/i.test(trimmed)) return null;
      if (trimmed === "" || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return Number.NaN;
      return Number(trimmed);
    }
    case "boolean": {
      if (/^(true|yes|on|1)$/i.test(trimmed)) return true;
      if (/^(false|no|off|0)$/i.test(trimmed)) return false;
      return trimmed;
    }
    case "list": {
      if (trimmed.startsWith("[")) return safeJson(trimmed);
      return trimmed
        .split(",")
        .map((item) => item.trim())
        .filter(Boolean);
    }
    case "json":
      return safeJson(trimmed);
    default:
      return trimmed;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol.for("invalid-json");
  }
}
