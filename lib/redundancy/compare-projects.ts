import { AppError } from "../errors";
import type { Background } from "./idf";
import { buildProfiles, type ProjectText } from "./profile";
import { type ProjectStanding, type Recommendation, recommend } from "./recommend";
import type { SimilaritySignals } from "./signals";
import { sharedTerms, similarityOf } from "./similarity";

/** The default of the `redundancy.threshold` setting. */
export const DEFAULT_REDUNDANCY_THRESHOLD = 0.7;

export interface RedundancyProject extends ProjectText, Omit<ProjectStanding, "name"> {}

export interface RedundancyPair {
  a: string;
  b: string;
  /** 0..1, four decimals. */
  similarity: number;
  redundant: boolean;
  recommendation: Recommendation;
  reason: string;
  /** The stronger project when the recommendation is to deprecate the other. */
  stronger: string | null;
  signals: SimilaritySignals;
  /** Words and software concepts both projects use most. */
  shared: { words: string[]; concepts: string[] };
}

export interface CompareOptions {
  threshold?: number;
  background?: Background;
}

export function assertThreshold(threshold: number): void {
  if (!Number.isFinite(threshold) || threshold < 0 || threshold > 1)
    throw new AppError("bad_request:repository", `The threshold must be between 0 and 1 (got ${threshold}).`);
}

const round = (value: number) => Math.round(value * 10_000) / 10_000;

/**
 * Every pair of the given projects, in input order (a before b), with its similarity, the verdict at
 * the threshold and a recommendation. Pairs grow quadratically: 500 projects are 124,750 pairs,
 * which takes a second or two.
 */
export function compareProjects(
  projects: readonly RedundancyProject[],
  options: CompareOptions = {},
): RedundancyPair[] {
  const threshold = options.threshold ?? DEFAULT_REDUNDANCY_THRESHOLD;
  assertThreshold(threshold);
  if (projects.length < 2)
    throw new AppError("bad_request:repository", "Redundancy compares at least two projects.");
  const profiles = buildProfiles(projects, options.background);
  const pairs: RedundancyPair[] = [];
  for (let i = 0; i < projects.length; i++) {
    for (let j = i + 1; j < projects.length; j++) {
      const a = projects[i]!;
      const b = projects[j]!;
      const { similarity, signals } = similarityOf(profiles[i]!, profiles[j]!);
      const redundant = similarity >= threshold;
      const advice = recommend(a, b, { redundant, similarity, threshold });
      const shared = sharedTerms(profiles[i]!, profiles[j]!);
      pairs.push({
        a: a.name,
        b: b.name,
        similarity,
        redundant,
        recommendation: advice.recommendation,
        reason: withShared(advice.reason, shared),
        stronger: advice.stronger,
        signals: {
          text: round(signals.text),
          concepts: round(signals.concepts),
          name: round(signals.name),
          topics: signals.topics === null ? null : round(signals.topics),
        },
        shared,
      });
    }
  }
  return pairs;
}

function withShared(reason: string, shared: { words: string[]; concepts: string[] }): string {
  const parts = [
    shared.words.length > 0 ? `shared words: ${shared.words.join(", ")}` : "",
    shared.concepts.length > 0 ? `shared concepts: ${shared.concepts.join(", ")}` : "",
  ].filter(Boolean);
  return parts.length > 0 ? `${reason} ${capitalize(parts.join("; "))}.` : reason;
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
