import type { Background } from "./idf";
import { type IssueText, issueVectors } from "./issue-vectors";

export type { IssueText };

/** Issues this similar (TF-IDF cosine of title and body) are reported as duplicates by default. */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.5;

export interface DuplicateIssuePair {
  /** The issue that comes first in the input (pass issues oldest first: `a` is the original). */
  a: string | number;
  b: string | number;
  repositoryA: string;
  repositoryB: string;
  /** 0..1, four decimals. */
  similarity: number;
}

export interface DuplicateOptions {
  threshold?: number;
  /**
   * Pairs of repositories that do the same job (from `compareProjects`): an issue in one may
   * duplicate an issue in the other. Issues of one repository are always compared.
   */
  redundantRepositories?: Iterable<readonly [string, string]>;
  /** Compare issues across all repositories, redundant or not. */
  acrossAllRepositories?: boolean;
  background?: Background;
}

// Repository pairs are keyed as one number: smaller id × PAIR_BASE + larger id.
const PAIR_BASE = 1_000_003;

interface Indexed {
  terms: Int32Array; // term ids, rarest term first
  weights: Float64Array;
  prefix: number; // how many leading terms are indexed
  repository: number;
}

/**
 * Every pair of issues at least `threshold` alike (and not 0), most similar first.
 *
 * Not all pairs are compared. Terms are ordered rarest first; each issue is indexed only under the
 * leading terms its remaining tail cannot do without: once the tail's norm is below the
 * threshold, two issues that share nothing before it cannot reach the threshold (their cosine is
 * at most that norm), so they never meet as candidates (the "prefix filter" of all-pairs
 * similarity search, Bayardo et al., WWW 2007). The result is exact, and common words — the ones
 * that make all-pairs quadratic — rarely enter the index.
 */
export function findDuplicateIssues(
  issues: readonly IssueText[],
  options: DuplicateOptions = {},
): DuplicateIssuePair[] {
  const threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    throw new RangeError(`The threshold must be between 0 and 1 (got ${threshold}).`);
  const vectors = issueVectors(issues, options.background);

  const repositoryIds = new Map<string, number>();
  const repositoryOf = (name: string) => {
    const key = name.toLowerCase();
    let id = repositoryIds.get(key);
    if (id === undefined) {
      id = repositoryIds.size;
      repositoryIds.set(key, id);
    }
    return id;
  };
  const issueRepositories = issues.map((issue) => repositoryOf(issue.repository));
  const related = new Set<number>();
  const pairKey = (x: number, y: number) => (x < y ? x * PAIR_BASE + y : y * PAIR_BASE + x);
  for (const [left, right] of options.redundantRepositories ?? [])
    related.add(pairKey(repositoryOf(left), repositoryOf(right)));
  const comparable = (x: number, y: number) =>
    x === y || options.acrossAllRepositories === true || related.has(pairKey(x, y));

  // Term ids in order of rarity (document frequency, then first appearance), and each term's
  // largest weight in any issue.
  const frequency = new Map<string, number>();
  for (const vector of vectors)
    for (const term of vector.keys()) frequency.set(term, (frequency.get(term) ?? 0) + 1);
  const byRarity = [...frequency.keys()].sort((x, y) => frequency.get(x)! - frequency.get(y)!);
  const termIds = new Map(byRarity.map((term, id) => [term, id]));
  const maxWeight = new Float64Array(byRarity.length);
  for (const vector of vectors)
    for (const [term, weight] of vector) {
      const id = termIds.get(term)!;
      if (weight > maxWeight[id]!) maxWeight[id] = weight;
    }

  // The tail's best possible contribution to any cosine is at most its norm, and at most the sum of
  // its weights times the largest weight each term has anywhere; it must stay below the threshold.
  // The margin covers similarities that round up to the threshold.
  const tailLimit = Math.max(0, threshold - 1e-4);
  const indexed: Indexed[] = vectors.map((vector, index) => {
    const entries = [...vector].map(([term, weight]) => [termIds.get(term)!, weight] as const);
    entries.sort((x, y) => x[0] - y[0]);
    let squares = 0;
    let bound = 0;
    let prefix = entries.length;
    while (prefix > 0) {
      const [term, weight] = entries[prefix - 1]!;
      const nextSquares = squares + weight * weight;
      const nextBound = bound + weight * maxWeight[term]!;
      if (Math.min(Math.sqrt(nextSquares), nextBound) >= tailLimit) break;
      squares = nextSquares;
      bound = nextBound;
      prefix -= 1;
    }
    return {
      terms: Int32Array.from(entries, ([term]) => term),
      weights: Float64Array.from(entries, ([, weight]) => weight),
      prefix,
      repository: issueRepositories[index]!,
    };
  });

  // Issues of repositories that can never be compared never need to meet: search each group of
  // connected repositories (the same one, or linked by redundancy) on its own.
  const groups = new Map<number, number[]>();
  const groupOf = repositoryGroups(repositoryIds.size, options.acrossAllRepositories ? null : related);
  for (let index = 0; index < indexed.length; index++) {
    const group = groupOf(indexed[index]!.repository);
    const members = groups.get(group);
    if (members) members.push(index);
    else groups.set(group, [index]);
  }

  const dense = new Float64Array(byRarity.length);
  const seenBy = new Int32Array(issues.length).fill(-1);
  const pairs: DuplicateIssuePair[] = [];
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    const postings = new Map<number, number[]>();
    for (const x of members) {
      const current = indexed[x]!;
      const candidates: number[] = [];
      for (let k = 0; k < current.prefix; k++) {
        for (const y of postings.get(current.terms[k]!) ?? []) {
          if (seenBy[y] === x) continue;
          seenBy[y] = x;
          if (comparable(current.repository, indexed[y]!.repository)) candidates.push(y);
        }
      }
      if (candidates.length > 0) {
        for (let k = 0; k < current.terms.length; k++) dense[current.terms[k]!] = current.weights[k]!;
        for (const y of candidates) {
          const other = indexed[y]!;
          let sum = 0;
          for (let k = 0; k < other.terms.length; k++) sum += other.weights[k]! * dense[other.terms[k]!]!;
          const similarity = Math.round(Math.min(1, sum) * 10_000) / 10_000;
          if (similarity >= threshold && similarity > 0)
            pairs.push({
              a: issues[y]!.id,
              b: issues[x]!.id,
              repositoryA: issues[y]!.repository,
              repositoryB: issues[x]!.repository,
              similarity,
            });
        }
        for (let k = 0; k < current.terms.length; k++) dense[current.terms[k]!] = 0;
      }
      for (let k = 0; k < current.prefix; k++) {
        const term = current.terms[k]!;
        const list = postings.get(term);
        if (list) list.push(x);
        else postings.set(term, [x]);
      }
    }
  }
  return pairs.sort((p, q) => q.similarity - p.similarity);
}

/** Union-find over repository ids: repositories linked by redundancy share a group; null links all. */
function repositoryGroups(count: number, links: ReadonlySet<number> | null): (repository: number) => number {
  if (links === null) return () => 0;
  const parent = Array.from({ length: count }, (_, i) => i);
  const root = (x: number): number => {
    while (parent[x] !== x) {
      parent[x] = parent[parent[x]!]!;
      x = parent[x]!;
    }
    return x;
  };
  for (const key of links) {
    const left = Math.floor(key / PAIR_BASE);
    const right = key % PAIR_BASE;
    parent[root(left)] = root(right);
  }
  return root;
}
