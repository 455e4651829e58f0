import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";
import { AppError } from "../errors";
import type { SettingValues } from "./resolve";

/** The machine's config file: a flat JSON object of machine-scope keys (it may hold secrets: mode 0600). */
export function readConfigFile(path: string): SettingValues {
  if (!existsSync(path)) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(path, "utf8"));
  } catch (error) {
    throw new AppError("bad_request:config", `The config file ${path} is not valid JSON.`, {
      hint: "Fix or delete it; `globallm config set` rewrites it.",
      detail: String(error),
    });
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    throw new AppError("bad_request:config", `The config file ${path} must hold a JSON object.`);
  }
  return parsed as SettingValues;
}

/** Sets (or, with null, removes) one key; written to a temporary file and renamed, so never half-written. */
export function writeConfigValue(path: string, key: string, value: unknown): void {
  const values = readConfigFile(path);
  if (value === null) delete values[key];
  else values[key] = value;
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, `${JSON.stringify(values, null, 2)}\n`, { mode: 0o600 });
  chmodSync(temporary, 0o600);
  renameSync(temporary, path);
}
