import { collectSignals } from "../analysis/collect-signals";
import type { DepsDevClient } from "../analysis/dependents";
import type { Database } from "../db/client";
import { AppError } from "../errors";
import type { GitHubClient } from "../github/client";
import { githubError } from "../github/errors";
import { upsertRepositories } from "../repositories/queries";
import { classifyRepository } from "../scoring/project-kind";
import type { RepositorySignals } from "../scoring/signals";
import { type Domain, domainOfTopics, domains } from "./domains";
import { languageKey, resolveLanguage } from "./languages";

export interface DiscoverOptions {
  db: Database;
  github: GitHubClient;
  depsDev?: DepsDevClient;
  domain: Domain;
  /** A language key (`python`); without one, the team's `languages` setting limits the results. */
  language?: string;
  focusLanguages: string[];
  maxResults: number;
  minStars: number;
  minDependents: number;
  libraryOnly: boolean;
  now?: Date;
  onProgress?: (event: { phase: "search" | "signals"; found: number; wanted: number }) => void;
}

export interface DiscoveredRepository {
  fullName: string;
  stars: number;
  forks: number;
  language: string | null;
  description: string | null;
  domain: Domain | null;
  projectKind: string | null;
  dependents: number | null;
}

interface SearchItem {
  full_name: string;
  description: string | null;
  language: string | null;
  topics?: string[];
  license: { spdx_id?: string | null } | null;
  stargazers_count: number;
  forks_count: number;
  fork: boolean;
  archived: boolean;
  default_branch?: string;
}

/** GitHub search returns at most 1,000 results per query: 10 pages of 100. */
const MAX_PAGES = 10;

export function searchQuery(term: string, options: { language?: string; minStars: number }): string {
  const parts = [
    term,
    options.language ? `language:"${resolveLanguage(options.language).github}"` : "",
    `stars:>=${options.minStars}`,
    "fork:false",
    "archived:false",
  ];
  return parts.filter(Boolean).join(" ");
}

/**
 * Finds repositories by domain and language with the domain's curated searches, filters them
 * (stars, dependents, library-only, the team's languages) and upserts the best `maxResults` into
 * the store. `maxResults` counts what is returned after filtering.
 */
export async function discoverRepositories(
  options: DiscoverOptions,
): Promise<{ repositories: DiscoveredRepository[]; inserted: number; updated: number; examined: number }> {
  if (!Number.isInteger(options.maxResults) || options.maxResults < 1) {
    throw new AppError("bad_request:cli", "--max-results must be a whole number of at least 1.");
  }
  const now = options.now ?? new Date();
  const queries = domains[options.domain].map((term) => searchQuery(term, options));
  const needSignals = options.libraryOnly || options.minDependents > 0;
  const candidates = new Map<string, SearchItem>();
  const accepted = new Map<string, { item: SearchItem; signals?: RepositorySignals }>();
  const exhausted = new Set<number>();

  for (
    let page = 1;
    page <= MAX_PAGES && accepted.size < options.maxResults && exhausted.size < queries.length;
    page++
  ) {
    const fresh: SearchItem[] = [];
    for (const [index, q] of queries.entries()) {
      if (exhausted.has(index)) continue;
      let items: SearchItem[];
      try {
        const response = await options.github.rest.search.repos({
          q,
          sort: "stars",
          order: "desc",
          per_page: 100,
          page,
        });
        items = response.data.items as SearchItem[];
        if (items.length < 100 || page * 100 >= response.data.total_count) exhausted.add(index);
      } catch (error) {
        throw githubError(error, "search results", { anonymous: options.github.anonymous });
      }
      for (const item of items) {
        const key = item.full_name.toLowerCase();
        if (candidates.has(key)) continue;
        candidates.set(key, item);
        if (passesCheapFilters(item, options)) fresh.push(item);
      }
    }
    options.onProgress?.({
      phase: "search",
      found: accepted.size + fresh.length,
      wanted: options.maxResults,
    });
    // Stars first, so the best candidates are checked (and kept) before the rest.
    fresh.sort((a, b) => b.stargazers_count - a.stargazers_count);
    if (!needSignals) {
      for (const item of fresh) accepted.set(item.full_name.toLowerCase(), { item });
      continue;
    }
    const signals = await collectSignals(
      fresh.map((item) => {
        const [owner = "", name = ""] = item.full_name.split("/");
        return { owner, name };
      }),
      { github: options.github, depsDev: options.minDependents > 0 ? options.depsDev : undefined, now },
    );
    for (const item of fresh) {
      const measured = signals.get(item.full_name.toLowerCase());
      if (!measured || !passesSignalFilters(measured, options)) continue;
      accepted.set(item.full_name.toLowerCase(), { item, signals: measured });
    }
    options.onProgress?.({ phase: "signals", found: accepted.size, wanted: options.maxResults });
  }

  const chosen = [...accepted.values()]
    .sort((a, b) => b.item.stargazers_count - a.item.stargazers_count)
    .slice(0, options.maxResults);
  const rows = chosen.map(({ item, signals }) => {
    const domain = options.domain === "overall" ? domainOfTopics(item.topics ?? []) : options.domain;
    return {
      fullName: item.full_name,
      description: item.description,
      language: languageKey(item.language),
      domain,
      topics: item.topics ?? [],
      license: item.license?.spdx_id ?? null,
      projectKind: signals ? classifyRepository(signals).kind : null,
      stars: item.stargazers_count,
      forks: item.forks_count,
      dependents: signals ? (signals.dependents.total ?? signals.dependents.direct) : null,
      isFork: item.fork,
      isArchived: item.archived,
      defaultBranch: item.default_branch ?? null,
      data: item as unknown as object,
    };
  });
  const { inserted, updated } = await upsertRepositories(options.db, rows);
  return {
    repositories: rows.map((row) => ({
      fullName: row.fullName,
      stars: row.stars,
      forks: row.forks,
      language: row.language,
      description: row.description,
      domain: row.domain,
      projectKind: row.projectKind,
      dependents: row.dependents,
    })),
    inserted,
    updated,
    examined: candidates.size,
  };
}

function passesCheapFilters(item: SearchItem, options: DiscoverOptions): boolean {
  if (item.fork || item.archived || item.stargazers_count < options.minStars) return false;
  if (options.language) return languageKey(item.language) === resolveLanguage(options.language).key;
  const key = languageKey(item.language);
  return key !== null && options.focusLanguages.includes(key);
}

function passesSignalFilters(signals: RepositorySignals, options: DiscoverOptions): boolean {
  if (options.libraryOnly && classifyRepository(signals).kind !== "library") return false;
  if (options.minDependents > 0) {
    // Unknown dependents cannot be shown to meet a minimum: such repositories are left out.
    const known = signals.dependents.total ?? signals.dependents.direct;
    if (known === null || known < options.minDependents) return false;
  }
  return true;
}
