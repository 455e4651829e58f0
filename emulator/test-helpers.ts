import { Octokit } from "@octokit/rest";
import { type GitHubEmulator, type GitHubEmulatorOptions, startGitHubEmulator } from "./start-emulator";
import type { Repository } from "./world/world-schema";

/** Tests run on a fixed clock so the world, its dates and every answer are reproducible. */
export const FIXED_NOW = new Date("2026-06-15T12:00:00Z");

export function startTestEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  return startGitHubEmulator({ repositories: 150, clock: () => FIXED_NOW, ...options });
}

/** A real Octokit pointed at the emulator, without plugins (tests see every status as it is). */
export function octokitFor(emulator: GitHubEmulator, token: string | null = "ghp_test_token"): Octokit {
  return new Octokit({
    baseUrl: emulator.apiUrl,
    ...(token ? { auth: token } : {}),
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

/** The repository with the most issues and pull requests: pagination has several pages there. */
export function busiestRepository(emulator: GitHubEmulator): Repository {
  const sorted = emulator.world.repositories
    .slice()
    .sort((a, b) => b.issues.length + b.pulls.length - (a.issues.length + a.pulls.length));
  const repo = sorted[0];
  if (!repo) throw new Error("the world has no repositories");
  return repo;
}

export const DAY = 86_400_000;
