import type { Database } from "../db/client";
import { DEFAULT_DUPLICATE_THRESHOLD, findDuplicateIssues } from "../redundancy/duplicate-issues";
import { redundantPairs, type StoredRedundancy } from "../redundancy/stored-pairs";

/*
 * The uniqueness factor of prioritization: 1 for an issue nobody else reported in a project that
 * does its own job; lower for the later report of the same problem (in its repository, or in one
 * judged redundant with it), and for issues of the weaker of two redundant projects.
 */

// Fixing the weaker of two redundant projects helps fewer people than fixing the stronger one;
// merging two alike projects makes some of the work moot.
const WEAKER_PROJECT = 0.5;
const CONSOLIDATE = 0.75;

export interface UniquenessOptions {
  /** Issues at least this alike are duplicates (`findDuplicateIssues`). */
  threshold?: number;
  /** Recompute everything, not only where an issue or a redundancy verdict changed. */
  all?: boolean;
  onProgress?: (done: number, total: number) => void;
}

interface IssueRow {
  id: string;
  number: number;
  repository_id: string;
  full_name: string;
  title: string;
  body: string | null;
}

/**
 * Recomputes uniqueness where it is unknown: issues fetched or changed since (computeIssueFeatures
 * clears it) and repositories whose redundancy verdict changed (saveRedundancyResults clears it).
 * Work is done per group of repositories joined by redundancy, so one group's issues are in memory
 * at a time and a re-run with no change reads one index.
 */
export async function computeUniqueness(
  db: Database,
  options: UniquenessOptions = {},
): Promise<{ groups: number; issues: number; duplicates: number }> {
  const sql = db.$client;
  const pairs = await redundantPairs(db);
  const stale = options.all
    ? await sql<{ full_name: string }[]>`
        select distinct r.full_name from issues i join repositories r on r.id = i.repository_id where i.state = 'open'`
    : await sql<{ full_name: string }[]>`
        select distinct r.full_name from issues i join repositories r on r.id = i.repository_id
        where i.state = 'open' and i.uniqueness is null`;
  const groups = repositoryGroups(
    stale.map((row) => row.full_name),
    pairs,
  );
  let issues = 0;
  let duplicates = 0;
  let done = 0;
  for (const group of groups) {
    const rows = await sql<IssueRow[]>`
      select i.id, i.number, i.repository_id, r.full_name, i.title, i.body
      from issues i join repositories r on r.id = i.repository_id
      where i.state = 'open' and lower(r.full_name) = any(${group.map((name) => name.toLowerCase())}::text[])
      order by i.github_created_at nulls last, i.number, i.id`;
    const verdicts = groupUniqueness(rows, pairs, options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD);
    duplicates += verdicts.duplicates;
    for (let start = 0; start < verdicts.values.length; start += 5000) {
      const chunk = verdicts.values.slice(start, start + 5000);
      await sql`
        update issues i set uniqueness = v.q,
          feature_reasons = coalesce(i.feature_reasons, '{}'::jsonb) || jsonb_build_object('uniqueness', v.reason)
        from jsonb_to_recordset(${JSON.stringify(chunk)}::jsonb) as v(id bigint, q real, reason text)
        where i.id = v.id and (i.uniqueness is distinct from v.q or i.feature_reasons->>'uniqueness' is distinct from v.reason)`;
    }
    issues += rows.length;
    options.onProgress?.(++done, groups.length);
  }
  return { groups: groups.length, issues, duplicates };
}

/** The given repositories, each with every repository it is redundant with (transitively). */
export function repositoryGroups(names: readonly string[], pairs: readonly StoredRedundancy[]): string[][] {
  const parent = new Map<string, string>();
  const display = new Map<string, string>();
  const find = (key: string): string => {
    let root = key;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(key, root);
    return root;
  };
  const add = (name: string) => {
    const key = name.toLowerCase();
    if (!parent.has(key)) {
      parent.set(key, key);
      display.set(key, name);
    }
    return key;
  };
  for (const pair of pairs) {
    const a = find(add(pair.a));
    const b = find(add(pair.b));
    if (a !== b) parent.set(a, b);
  }
  const wanted = new Set(names.map((name) => find(add(name))));
  const groups = new Map<string, string[]>();
  for (const key of parent.keys()) {
    const root = find(key);
    if (!wanted.has(root)) continue;
    groups.set(root, [...(groups.get(root) ?? []), display.get(key)!]);
  }
  return [...groups.values()];
}

/** Uniqueness and its reason for each issue of one group (issues oldest first). */
export function groupUniqueness(
  rows: readonly IssueRow[],
  pairs: readonly StoredRedundancy[],
  threshold: number,
): { values: { id: number; q: number; reason: string }[]; duplicates: number } {
  const names = new Set(rows.map((row) => row.full_name.toLowerCase()));
  const inGroup = pairs.filter((pair) => names.has(pair.a.toLowerCase()) && names.has(pair.b.toLowerCase()));
  const found = findDuplicateIssues(
    rows.map((row) => ({ id: Number(row.id), repository: row.full_name, title: row.title, body: row.body })),
    { threshold, redundantRepositories: inGroup.map((pair) => [pair.a, pair.b] as const) },
  );
  const byId = new Map(rows.map((row) => [Number(row.id), row]));
  // The later report of each pair is the duplicate; the most similar original explains it.
  const original = new Map<number, { of: IssueRow; similarity: number }>();
  for (const pair of found) {
    const later = Number(pair.b);
    if ((original.get(later)?.similarity ?? 0) < pair.similarity)
      original.set(later, { of: byId.get(Number(pair.a))!, similarity: pair.similarity });
  }
  const projectFactor = new Map<string, { q: number; reason: string }>();
  for (const pair of inGroup) {
    for (const [self, other] of [
      [pair.a, pair.b],
      [pair.b, pair.a],
    ] as const) {
      const verdict =
        pair.recommendation === "deprecate-the-weaker" && pair.stronger?.toLowerCase() === other.toLowerCase()
          ? {
              q: WEAKER_PROJECT,
              reason: `${self} overlaps ${other} (${percent(pair.similarity)} alike), the stronger project.`,
            }
          : pair.recommendation === "consolidate"
            ? {
                q: CONSOLIDATE,
                reason: `${self} overlaps ${other} (${percent(pair.similarity)} alike); they should consolidate.`,
              }
            : undefined;
      const key = self.toLowerCase();
      if (verdict && verdict.q < (projectFactor.get(key)?.q ?? 1)) projectFactor.set(key, verdict);
    }
  }
  const values = rows.map((row) => {
    const id = Number(row.id);
    const duplicate = original.get(id);
    const fromDuplicate = duplicate
      ? {
          q: round(Math.max(0, 1 - duplicate.similarity)),
          reason: `Reads like a duplicate of ${duplicate.of.full_name}#${duplicate.of.number} (${percent(duplicate.similarity)} alike).`,
        }
      : { q: 1, reason: "No duplicate found." };
    const fromProject = projectFactor.get(row.full_name.toLowerCase());
    return { id, ...(fromProject && fromProject.q < fromDuplicate.q ? fromProject : fromDuplicate) };
  });
  return { values, duplicates: original.size };
}

function percent(similarity: number): string {
  return `${Math.round(similarity * 100)}%`;
}

function round(value: number): number {
  return Math.round(value * 10_000) / 10_000;
}
