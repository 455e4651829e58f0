import { homedir } from "node:os";
import { join } from "node:path";
import type { RuntimeEnv } from "./env";

// XDG base directories (https://specifications.freedesktop.org/basedir-spec/latest/).
export function configDir(env: Pick<RuntimeEnv, "XDG_CONFIG_HOME" | "HOME">): string {
  return join(env.XDG_CONFIG_HOME ?? join(env.HOME ?? homedir(), ".config"), "globallm");
}

export function dataDir(env: Pick<RuntimeEnv, "XDG_DATA_HOME" | "HOME">): string {
  return join(env.XDG_DATA_HOME ?? join(env.HOME ?? homedir(), ".local", "share"), "globallm");
}

export function configFilePath(
  env: Pick<RuntimeEnv, "GLOBALLM_CONFIG" | "XDG_CONFIG_HOME" | "HOME">,
): string {
  return env.GLOBALLM_CONFIG ?? join(configDir(env), "config.json");
}
