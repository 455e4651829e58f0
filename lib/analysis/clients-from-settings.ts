import type { Database } from "../db/client";
import { ResponseCache } from "../github/cache";
import type { GitHubClient } from "../github/client";
import { githubClientFromSettings } from "../github/from-settings";
import type { Logger } from "../logger";
import { type MachineSettings, machineValue } from "../settings/machine";
import { createDepsDevClient, type DepsDevClient } from "./dependents";

/** The deps.dev client (or its stand-in at DEPS_DEV_URL), caching in the database like GitHub's. */
export function depsDevClientFromSettings(machine: MachineSettings, db: Database): DepsDevClient {
  return createDepsDevClient({
    baseUrl: machineValue<string>(machine, "depsdev.api_url"),
    cache: new ResponseCache(db),
    retryBaseMs: machineValue<number>(machine, "github.retry_base_ms"),
  });
}

export interface AnalysisClients {
  github: GitHubClient;
  depsDev: DepsDevClient;
}

/** Everything `analyzeRepositories` reaches out to, configured from the machine settings. */
export function analysisClientsFromSettings(
  machine: MachineSettings,
  options: { db: Database; log: Logger; runId?: string },
): AnalysisClients {
  return {
    github: githubClientFromSettings(machine, options),
    depsDev: depsDevClientFromSettings(machine, options.db),
  };
}
