import type { Database } from "../db/client";
import { languageKey } from "../discovery/languages";
import type { GitHubClient } from "../github/client";
import { findRepository, saveAnalysis, upsertRepositories } from "../repositories/queries";
import { classifyRepository } from "../scoring/project-kind";
import { collectSignals } from "./collect-signals";
import type { DepsDevClient } from "./dependents";
import { scoreRepository } from "./score-repository";

export interface AnalyzedRepository {
  fullName: string;
  found: boolean;
  healthScore: number | null;
  impactScore: number | null;
  worthWorkingOn: boolean | null;
  reason: string;
}

export interface AnalyzeOptions {
  db: Database;
  github: GitHubClient;
  depsDev?: DepsDevClient;
  /** Resolved setting values (key → value): weights and thresholds. */
  settings: Record<string, unknown>;
  actor: string;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Measures, scores and stores each repository (adding it to the store if it is new). Repositories
 * GitHub does not have are reported as not found and nothing is written for them.
 */
export async function analyzeRepositories(
  fullNames: string[],
  options: AnalyzeOptions,
): Promise<AnalyzedRepository[]> {
  const now = options.now ?? new Date();
  const refs = fullNames.map((fullName) => {
    const [owner = "", name = ""] = fullName.split("/");
    return { owner, name };
  });
  const signalsByName = await collectSignals(refs, {
    github: options.github,
    depsDev: options.depsDev,
    now,
    onProgress: options.onProgress,
  });
  const results: AnalyzedRepository[] = [];
  for (const fullName of fullNames) {
    const signals = signalsByName.get(fullName.toLowerCase());
    if (!signals) {
      results.push({
        fullName,
        found: false,
        healthScore: null,
        impactScore: null,
        worthWorkingOn: null,
        reason: "GitHub has no such repository.",
      });
      continue;
    }
    const scores = scoreRepository(signals, options.settings, now);
    await upsertRepositories(options.db, [
      {
        fullName: signals.fullName,
        description: signals.description,
        language: languageKey(signals.language),
        topics: signals.topics,
        license: signals.license,
        stars: signals.stars,
        forks: signals.forks,
        dependents: signals.dependents.total ?? signals.dependents.direct,
        isFork: signals.isFork,
        isArchived: signals.isArchived,
      },
    ]);
    const stored = await findRepository(options.db, signals.fullName);
    if (!stored) throw new Error(`${signals.fullName} vanished while being analyzed`);
    await saveAnalysis(
      options.db,
      stored.id,
      {
        healthScore: scores.health.score,
        impactScore: scores.impact.score,
        worthWorkingOn: scores.worth.worthWorkingOn,
        analysisReason: scores.worth.reason,
        analysis: {
          health: scores.health,
          impact: scores.impact,
          worth: scores.worth,
          thresholds: scores.thresholds,
        },
        signals,
        dependents: signals.dependents.total ?? signals.dependents.direct,
        projectKind: classifyRepository(signals).kind,
      },
      options.actor,
    );
    results.push({
      fullName: signals.fullName,
      found: true,
      healthScore: scores.health.score,
      impactScore: scores.impact.score,
      worthWorkingOn: scores.worth.worthWorkingOn,
      reason: scores.worth.reason,
    });
  }
  return results;
}
