import { AppError } from "../errors";
import type { GitHubClient } from "../github/client";
import { githubError } from "../github/errors";
import { type KeepArchive, recommendKeepArchive } from "../scoring/worth";
import { collectSignals } from "./collect-signals";
import type { DepsDevClient } from "./dependents";
import { scoreRepository } from "./score-repository";

export interface OwnerRepositoryAssessment {
  fullName: string;
  stars: number;
  isFork: boolean;
  isArchived: boolean;
  healthScore: number | null;
  impactScore: number | null;
  worthWorkingOn: boolean;
  recommendation: KeepArchive;
  reason: string;
}

export interface AnalyzeOwnerOptions {
  github: GitHubClient;
  depsDev?: DepsDevClient;
  settings: Record<string, unknown>;
  minStars: number;
  includeForks: boolean;
  /** Applied after filtering. */
  maxResults?: number;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}

interface OwnerRepo {
  full_name: string;
  stargazers_count?: number;
  fork: boolean;
  archived?: boolean;
}

/** Every repository a user or organization owns, scored, with a keep / archive / evaluate recommendation. */
export async function analyzeOwner(
  owner: string,
  options: AnalyzeOwnerOptions,
): Promise<OwnerRepositoryAssessment[]> {
  if (!/^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/.test(owner)) {
    throw new AppError("bad_request:cli", `"${owner}" is not a GitHub user or organization name.`);
  }
  const now = options.now ?? new Date();
  let repos: OwnerRepo[];
  try {
    // GET /users/{name}/repos answers for organizations too.
    repos = (await options.github.rest.paginate(options.github.rest.repos.listForUser, {
      username: owner,
      type: "owner",
      per_page: 100,
    })) as OwnerRepo[];
  } catch (error) {
    throw githubError(error, `user or organization ${owner}`, {
      anonymous: options.github.anonymous,
      notFoundHint: "Check the login's spelling.",
    });
  }
  const chosen = repos
    .filter(
      (repo) => (options.includeForks || !repo.fork) && (repo.stargazers_count ?? 0) >= options.minStars,
    )
    .sort((a, b) => (b.stargazers_count ?? 0) - (a.stargazers_count ?? 0))
    .slice(0, options.maxResults ?? Number.POSITIVE_INFINITY);
  const refs = chosen.map((repo) => {
    const [repoOwner = "", name = ""] = repo.full_name.split("/");
    return { owner: repoOwner, name };
  });
  const signals = await collectSignals(refs, {
    github: options.github,
    depsDev: options.depsDev,
    now,
    onProgress: options.onProgress,
  });
  return chosen.flatMap((repo) => {
    const measured = signals.get(repo.full_name.toLowerCase());
    if (!measured) return [];
    const scores = scoreRepository(measured, options.settings, now);
    const advice = recommendKeepArchive(measured, scores.health.score, scores.impact.score, now);
    return [
      {
        fullName: measured.fullName,
        stars: measured.stars,
        isFork: measured.isFork,
        isArchived: measured.isArchived,
        healthScore: scores.health.score,
        impactScore: scores.impact.score,
        worthWorkingOn: scores.worth.worthWorkingOn,
        recommendation: advice.recommendation,
        reason: advice.reason,
      },
    ];
  });
}
