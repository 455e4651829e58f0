import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isoSeconds } from "../world/dates";
import { startOfUtcDay } from "../world/generate/generate-world";
import { markTrusted, WorldError } from "../world/load-world";
import type { Account, World } from "../world/world-schema";
import {
  type BuildLimits,
  type CriticalityRow,
  type IssueText,
  repositoryFromCriticality,
} from "./criticality-repository";
import { parseCsvRecords } from "./csv";

export interface SharedDataOptions extends Partial<BuildLimits> {
  /** Criticality files to read by language key ("python", "c", …); all by default. */
  languages?: string[];
  /** At most this many rows per language file. */
  limitPerLanguage?: number;
  now?: Date;
}

const NUMBER_COLUMNS = [
  "created_since",
  "updated_since",
  "contributor_count",
  "commit_frequency",
  "recent_releases_count",
  "updated_issues_count",
  "closed_issues_count",
  "comment_frequency",
  "dependents_count",
] as const;

/** Reads one criticality CSV by column name (c, cplusplus, go and java swap the two issue columns). */
function readCriticality(path: string): CriticalityRow[] {
  const records = parseCsvRecords(readFileSync(path, "utf8"));
  return records.map((record, k) => {
    const where = `${path} row ${k + 2}`;
    const match = /^https:\/\/github\.com\/([^/]+)\/([^/]+?)\/?$/.exec(record.url ?? "");
    if (!match) throw new WorldError(`${where}: url "${record.url}" is not a GitHub repository URL`);
    const numbers = Object.fromEntries(
      NUMBER_COLUMNS.map((column) => {
        const value = Number(record[column]);
        if (record[column] === undefined || record[column] === "" || !Number.isFinite(value)) {
          throw new WorldError(`${where}: column ${column} is missing or not a number ("${record[column]}")`);
        }
        return [column, value];
      }),
    ) as Record<(typeof NUMBER_COLUMNS)[number], number>;
    return {
      owner: match[1] ?? "",
      name: match[2] ?? "",
      language: record.language || "Unknown",
      createdSinceMonths: numbers.created_since,
      updatedSinceMonths: numbers.updated_since,
      contributorCount: numbers.contributor_count,
      commitFrequency: numbers.commit_frequency,
      recentReleasesCount: numbers.recent_releases_count,
      updatedIssuesCount: numbers.updated_issues_count,
      closedIssuesCount: numbers.closed_issues_count,
      commentFrequency: numbers.comment_frequency,
      dependentsCount: numbers.dependents_count,
    };
  });
}

/** NLBSE'24 issues (title, body, bug/feature/question) grouped by repository. */
function readIssueTexts(path: string): Map<string, IssueText[]> {
  const byRepo = new Map<string, IssueText[]>();
  if (!existsSync(path)) return byRepo;
  for (const record of parseCsvRecords(readFileSync(path, "utf8"))) {
    const repo = (record.repo ?? "").toLowerCase();
    const list = byRepo.get(repo) ?? [];
    list.push({ title: record.title ?? "", body: record.body ?? "", label: record.label ?? "" });
    byRepo.set(repo, list);
  }
  return byRepo;
}

/**
 * A World built at run time from ../shared/data: every repository of criticality/*.csv with
 * signals that reproduce its row (see repositoryFromCriticality), and issue titles, bodies and
 * labels from issues/nlbse24_train.csv (a repository in that file gets its own issues). Owners
 * with several repositories become organizations, the others users. Never copies the data.
 */
export function worldFromSharedData(dir: string, options: SharedDataOptions = {}): World {
  const criticalityDir = join(dir, "criticality");
  if (!existsSync(criticalityDir))
    throw new WorldError(`${criticalityDir} not found: is ${dir} the shared data folder?`);
  const limits: BuildLimits = {
    maxIssuesPerRepo: options.maxIssuesPerRepo ?? 100,
    maxContributorsPerRepo: options.maxContributorsPerRepo ?? 50,
    maxReleasesPerRepo: options.maxReleasesPerRepo ?? 100,
  };
  const anchor = startOfUtcDay(options.now ?? new Date());
  const texts = readIssueTexts(join(dir, "issues", "nlbse24_train.csv"));
  const allTexts = [...texts.values()].flat();
  const files = readdirSync(criticalityDir)
    .filter((f) => f.endsWith("_top_200.csv"))
    .sort()
    .filter((f) => !options.languages || options.languages.includes(f.replace("_top_200.csv", "")));
  const seen = new Set<string>();
  const rows: CriticalityRow[] = [];
  for (const file of files) {
    const fileRows = readCriticality(join(criticalityDir, file)).slice(
      0,
      options.limitPerLanguage ?? Number.POSITIVE_INFINITY,
    );
    for (const row of fileRows) {
      const key = `${row.owner}/${row.name}`.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      rows.push(row);
    }
  }
  const repositories = rows.map((row, k) =>
    repositoryFromCriticality(
      row,
      300_000_000 + k * 7,
      anchor,
      texts.get(`${row.owner}/${row.name}`.toLowerCase()) ?? allTexts,
      limits,
    ),
  );
  const owned = new Map<string, number>();
  for (const row of rows) owned.set(row.owner, (owned.get(row.owner) ?? 0) + 1);
  const accounts: Account[] = [...owned.entries()].map(([login, count], k) => ({
    login,
    id: 7_000_000 + k * 11,
    type: count > 1 ? "Organization" : "User",
    name: login,
    email: null,
    bio: null,
    company: null,
    location: null,
    blog: null,
    createdAt: isoSeconds(anchor - 12 * 365 * 86_400_000),
    members: [],
  }));
  // Sign-in and conventional tokens need at least one person.
  accounts.unshift({
    login: "emulator-user",
    id: 6_999_999,
    type: "User",
    name: "Emulator User",
    email: "emulator-user@users.noreply.example.com",
    bio: null,
    company: null,
    location: null,
    blog: null,
    createdAt: isoSeconds(anchor - 365 * 86_400_000),
    members: [],
  });
  return markTrusted({
    version: 1,
    generatedAt: isoSeconds(anchor),
    seed: null,
    accounts,
    repositories,
    tokens: [],
  });
}
