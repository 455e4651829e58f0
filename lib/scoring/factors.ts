/**
 * The factor model every score is built from. A factor that cannot be measured has value null and
 * is left out — its weight is shared among the others — so missing data never reads as a 0.
 */
export interface Factor {
  name: string;
  /** 0..1, or null when the factor cannot be measured for this repository. */
  value: number | null;
  /** The measurement behind the value, for people: "42 commits in 90 days". */
  raw: string;
  /** Relative weight (from settings); only its share among the measurable factors matters. */
  weight: number;
  /** One short sentence saying why the value is what it is (or why it is unmeasurable). */
  reason: string;
}

export interface UsedFactor extends Factor {
  value: number;
  /** This factor's weight as a fraction of the weights that were used (sums to 1). */
  share: number;
}

export interface CombinedScore {
  /** 0..1, or null when nothing with a positive weight could be measured. */
  score: number | null;
  used: UsedFactor[];
  /** Unmeasurable factors, and measurable ones whose weight is 0 (they cannot move the score). */
  excluded: Factor[];
  /** One sentence: how many factors counted and which were left out. */
  reason: string;
}

export function combine(factors: readonly Factor[]): CombinedScore {
  for (const factor of factors) {
    if (!Number.isFinite(factor.weight) || factor.weight < 0) {
      throw new RangeError(`factor ${factor.name}: weight must be a finite number ≥ 0, got ${factor.weight}`);
    }
    if (factor.value !== null && !(factor.value >= 0 && factor.value <= 1)) {
      throw new RangeError(`factor ${factor.name}: value must be in 0..1 or null, got ${factor.value}`);
    }
  }
  const measurable = factors.filter((f): f is Factor & { value: number } => f.value !== null && f.weight > 0);
  const excluded = factors.filter((f) => f.value === null || f.weight === 0);
  const totalWeight = measurable.reduce((sum, f) => sum + f.weight, 0);
  const used = measurable.map((f) => ({ ...f, share: f.weight / totalWeight }));
  const score = used.length === 0 ? null : used.reduce((sum, f) => sum + f.share * f.value, 0);
  return { score, used, excluded, reason: summarize(used, excluded) };
}

function summarize(used: readonly UsedFactor[], excluded: readonly Factor[]): string {
  const total = used.length + excluded.length;
  if (used.length === 0) return `None of the ${total} factors could be measured, so there is no score.`;
  if (excluded.length === 0) return `All ${total} factors measured.`;
  const names = excluded.map((f) => f.name.replaceAll("_", " ")).join(", ");
  return `${used.length} of ${total} factors measured; left out (weights shared among the rest): ${names}.`;
}
