/** Metrics for a score that should rank positive pairs above negative ones. */

/**
 * Area under the ROC curve: the chance that a random positive outscores a random negative, ties
 * counting half (the Mann–Whitney U statistic with average ranks, as scikit-learn computes it).
 */
export function rocAuc(scores: ArrayLike<number>, labels: ArrayLike<boolean>): number {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => scores[i]! - scores[j]!);
  let positives = 0;
  let positiveRankSum = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end < order.length && scores[order[end]!] === scores[order[start]!]) end += 1;
    const averageRank = (start + 1 + end) / 2;
    for (let k = start; k < end; k++) {
      if (labels[order[k]!]) {
        positives += 1;
        positiveRankSum += averageRank;
      }
    }
    start = end;
  }
  const negatives = order.length - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (positiveRankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

export interface Confusion {
  threshold: number;
  /** Pairs at or above the threshold. */
  flagged: number;
  truePositives: number;
  precision: number;
  recall: number;
  f1: number;
}

function confusion(threshold: number, flagged: number, truePositives: number, positives: number): Confusion {
  const precision = flagged === 0 ? 0 : truePositives / flagged;
  const recall = positives === 0 ? 0 : truePositives / positives;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  return { threshold, flagged, truePositives, precision, recall, f1 };
}

/** Precision, recall and F1 when everything scoring at least `threshold` is called positive. */
export function atThreshold(
  scores: ArrayLike<number>,
  labels: ArrayLike<boolean>,
  threshold: number,
): Confusion {
  let flagged = 0;
  let truePositives = 0;
  let positives = 0;
  for (let i = 0; i < scores.length; i++) {
    if (labels[i]) positives += 1;
    if (scores[i]! >= threshold) {
      flagged += 1;
      if (labels[i]) truePositives += 1;
    }
  }
  return confusion(threshold, flagged, truePositives, positives);
}

/** The threshold (one of the scores) with the highest F1. */
export function bestF1(scores: ArrayLike<number>, labels: ArrayLike<boolean>): Confusion {
  const order = Array.from({ length: scores.length }, (_, i) => i).sort((i, j) => scores[j]! - scores[i]!);
  let positives = 0;
  for (let i = 0; i < labels.length; i++) if (labels[i]) positives += 1;
  let best = confusion(Number.POSITIVE_INFINITY, 0, 0, positives);
  let flagged = 0;
  let truePositives = 0;
  for (let k = 0; k < order.length; k++) {
    flagged += 1;
    if (labels[order[k]!]) truePositives += 1;
    const next = order[k + 1];
    // Only between distinct scores: a threshold flags every pair with an equal score.
    if (next !== undefined && scores[next] === scores[order[k]!]) continue;
    const current = confusion(scores[order[k]!]!, flagged, truePositives, positives);
    if (current.f1 > best.f1) best = current;
  }
  return best;
}
