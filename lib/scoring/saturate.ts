/**
 * Shared transforms that map an unbounded count onto 0..1. They saturate so one huge number
 * (a monorepo's 50k commits) cannot dominate, while the first few units still count for a lot.
 */

export function clamp01(x: number): number {
  return Math.min(1, Math.max(0, x));
}

/**
 * log(1+x)/log(1+full), capped at 1 — the same curve as OpenSSF criticality, so our factors and
 * the criticality component read alike: `full` earns 1, and about √full earns one half.
 */
export function logSaturation(x: number, full: number): number {
  if (x <= 0) return 0;
  return Math.min(1, Math.log1p(x) / Math.log1p(full));
}

/**
 * 0 at or below `zeroAt`, 1 at or above `fullAt`, logarithmic between: for sizes where a floor
 * means "nothing there" (a README holding only a title) and each doubling adds the same credit.
 */
export function logRamp(x: number, zeroAt: number, fullAt: number): number {
  if (x <= zeroAt) return 0;
  return Math.min(1, Math.log(x / zeroAt) / Math.log(fullAt / zeroAt));
}

/** 1 now, 1/2 after `halfLifeDays`, 1/4 after twice that: recency without a hard cliff. */
export function halfLifeDecay(ageDays: number, halfLifeDays: number): number {
  return 0.5 ** (Math.max(0, ageDays) / halfLifeDays);
}

const DAY_MS = 86_400_000;

/** Whole and fractional days from an ISO timestamp to `now`; null when the timestamp is absent or invalid. */
export function daysSince(iso: string | null, now: Date): number | null {
  if (!iso) return null;
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return null;
  return (now.getTime() - time) / DAY_MS;
}

/** "3 days", "5 months", "2.1 years" — for raw values people read. */
export function formatAge(days: number): string {
  if (days < 1) return "today";
  if (days < 60) return `${Math.round(days)} day${Math.round(days) === 1 ? "" : "s"}`;
  if (days < 730) return `${Math.round(days / 30.44)} months`;
  return `${(days / 365.25).toFixed(1)} years`;
}

/** 0..1 weighted mean of the parts that are known; null when none is. */
export function weightedMean(
  parts: ReadonlyArray<readonly [value: number | null, weight: number]>,
): number | null {
  let sum = 0;
  let total = 0;
  for (const [value, weight] of parts) {
    if (value === null) continue;
    sum += value * weight;
    total += weight;
  }
  return total > 0 ? sum / total : null;
}
