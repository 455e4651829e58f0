import { type Env, processEnv, type RuntimeEnv, readEnv } from "../env";
import { AppError } from "../errors";
import { configFilePath } from "../paths";
import { readConfigFile } from "./config-file";
import { findSetting, settingDefinitions } from "./keys";
import { type ResolvedSetting, resolveSettings, type SettingValues } from "./resolve";

/** What one computer knows before touching the database: environment, config file, machine keys. */
export interface MachineSettings {
  env: Env;
  runtime: RuntimeEnv;
  configFile: string;
  file: SettingValues;
  resolved: ResolvedSetting[];
}

export function loadMachineSettings(options: { env?: Env; configFile?: string } = {}): MachineSettings {
  const env = options.env ?? processEnv();
  const runtime = readEnv(env);
  const configFile = options.configFile ?? configFilePath(runtime);
  const file = readConfigFile(configFile);
  for (const key of Object.keys(file)) {
    const definition = findSetting(key);
    if (!definition) {
      throw new AppError("bad_request:config", `Unknown setting "${key}" in ${configFile}.`, {
        hint: "Remove it from the file; `globallm config show` lists the keys.",
      });
    }
  }
  const resolved = resolveSettings(
    { env, file },
    settingDefinitions.filter((definition) => definition.scope === "machine"),
  );
  return { env, runtime, configFile, file, resolved };
}

export function machineValue<T = unknown>(machine: MachineSettings, key: string): T {
  const setting = machine.resolved.find((entry) => entry.key === key);
  if (!setting) throw new Error(`${key} is not a machine setting`);
  return setting.value as T;
}
