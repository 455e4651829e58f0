import type { Database } from "../db/client";
import type { Logger } from "../logger";
import { type MachineSettings, machineValue } from "../settings/machine";
import { createGitHubClient, type GitHubClient } from "./client";

/** A GitHub client configured from the machine settings (URLs, token, cache window). */
export function githubClientFromSettings(
  machine: MachineSettings,
  options: { db?: Database; log: Logger; runId?: string },
): GitHubClient {
  return createGitHubClient({
    apiUrl: machineValue<string>(machine, "github.api_url"),
    graphqlUrl: machineValue<string>(machine, "github.graphql_url"),
    token: machineValue<string | null>(machine, "github.token"),
    cacheMinutes: machineValue<number>(machine, "github.cache_minutes"),
    maxWaitSeconds: machineValue<number>(machine, "github.max_wait_seconds"),
    retryBaseMs: machineValue<number>(machine, "github.retry_base_ms"),
    ...options,
  });
}
