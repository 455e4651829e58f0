export const recommendations = ["deprecate-the-weaker", "consolidate", "collaborate", "keep-both"] as const;
export type Recommendation = (typeof recommendations)[number];

/** What a recommendation weighs; every field may be unknown. */
export interface ProjectStanding {
  name: string;
  language?: string | null;
  stars?: number | null;
  dependents?: number | null;
  /** 0..1, from `analyze`. */
  healthScore?: number | null;
  /** 0..1, from `analyze`. */
  impactScore?: number | null;
  archived?: boolean | null;
}

export interface Advice {
  recommendation: Recommendation;
  /** The stronger project when one clearly is; null otherwise. */
  stronger: string | null;
  reason: string;
}

interface Comparison {
  label: string;
  /** +1: a much stronger, −1: b much stronger, ±0.5 somewhat, 0 alike. */
  lean: number;
  text: string;
}

const known = (value: number | null | undefined): value is number =>
  typeof value === "number" && Number.isFinite(value);

// Counts (stars, dependents) differ by orders of magnitude between projects, so they compare as
// ratios: three times as many is "much" stronger, one and a half times "somewhat".
function countLean(a: number, b: number): number {
  const ratio = (1 + a) / (1 + b);
  if (ratio >= 3) return 1;
  if (ratio >= 1.5) return 0.5;
  if (ratio <= 1 / 3) return -1;
  if (ratio <= 1 / 1.5) return -0.5;
  return 0;
}

// Scores are fractions; 0.2 apart is the width of one verdict band ("fair" vs "good").
function scoreLean(a: number, b: number): number {
  const difference = a - b;
  if (difference >= 0.2) return 1;
  if (difference >= 0.1) return 0.5;
  if (difference <= -0.2) return -1;
  if (difference <= -0.1) return -0.5;
  return 0;
}

const count = (value: number) => value.toLocaleString("en-US");
const score = (value: number) => value.toFixed(2);

function comparisons(a: ProjectStanding, b: ProjectStanding): Comparison[] {
  const result: Comparison[] = [];
  if (known(a.stars) && known(b.stars))
    result.push({
      label: "stars",
      lean: countLean(a.stars, b.stars),
      text: `${count(a.stars)} vs ${count(b.stars)} stars`,
    });
  if (known(a.dependents) && known(b.dependents))
    result.push({
      label: "dependents",
      lean: countLean(a.dependents, b.dependents),
      text: `${count(a.dependents)} vs ${count(b.dependents)} dependents`,
    });
  if (known(a.healthScore) && known(b.healthScore))
    result.push({
      label: "health",
      lean: scoreLean(a.healthScore, b.healthScore),
      text: `health ${score(a.healthScore)} vs ${score(b.healthScore)}`,
    });
  if (known(a.impactScore) && known(b.impactScore))
    result.push({
      label: "impact",
      lean: scoreLean(a.impactScore, b.impactScore),
      text: `impact ${score(a.impactScore)} vs ${score(b.impactScore)}`,
    });
  return result;
}

function sameLanguage(a: ProjectStanding, b: ProjectStanding): boolean | null {
  if (!a.language || !b.language) return null;
  return a.language.toLowerCase() === b.language.toLowerCase();
}

/**
 * What to do about a pair. Not redundant: keep both. Redundant in different languages: they serve
 * different ecosystems, so collaborate (share designs, tests, fixes) rather than merge. Redundant
 * in one language: if one is clearly weaker on stars, dependents, health and impact (on average at
 * least "much" weaker on half of what is known, or archived), deprecate it in favour of the
 * other; otherwise neither can absorb the other's users alone, so consolidate.
 */
export function recommend(
  a: ProjectStanding,
  b: ProjectStanding,
  verdict: { redundant: boolean; similarity: number; threshold: number },
): Advice {
  // Three decimals, so that 0.698 never reads as "0.70 < 0.70".
  const at = `similarity ${verdict.similarity.toFixed(3)} ${verdict.redundant ? "≥" : "<"} threshold ${verdict.threshold}`;
  if (!verdict.redundant)
    return { recommendation: "keep-both", stronger: null, reason: `Different enough (${at}).` };
  const same = sameLanguage(a, b);
  if (same === false)
    return {
      recommendation: "collaborate",
      stronger: null,
      reason: `Same purpose in different languages (${a.language} vs ${b.language}; ${at}): share designs, tests and fixes rather than merge.`,
    };
  if (a.archived !== b.archived && (a.archived || b.archived)) {
    const [weaker, stronger] = a.archived ? [a, b] : [b, a];
    return {
      recommendation: "deprecate-the-weaker",
      stronger: stronger.name,
      reason: `${weaker.name} is archived and ${stronger.name} does the same (${at}): point its users to ${stronger.name}.`,
    };
  }
  const measured = comparisons(a, b);
  const languageNote = same === null ? "; language unknown" : `; both ${a.language}`;
  if (measured.length === 0)
    return {
      recommendation: "consolidate",
      stronger: null,
      reason: `Overlapping (${at}${languageNote}); no stars, dependents, health or impact known to tell which is weaker: merge efforts.`,
    };
  const lean = measured.reduce((sum, item) => sum + item.lean, 0) / measured.length;
  const facts = measured.map((item) => item.text).join(", ");
  if (Math.abs(lean) >= 0.5) {
    const [weaker, stronger] = lean > 0 ? [b, a] : [a, b];
    return {
      recommendation: "deprecate-the-weaker",
      stronger: stronger.name,
      reason: `${weaker.name} is much weaker (${facts}) and does the same (${at}${languageNote}): deprecate it in favour of ${stronger.name}.`,
    };
  }
  return {
    recommendation: "consolidate",
    stronger: null,
    reason: `Overlapping projects of similar strength (${facts}; ${at}${languageNote}): merge efforts into one.`,
  };
}
