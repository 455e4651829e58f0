import { seededRandom, shuffle } from "./seeded-random";

/**
 * A fold number (0..k-1) for each item, so that every stratum (for example repository × label) is
 * spread evenly over the folds. The same seed always gives the same folds.
 */
export function stratifiedFolds(strata: readonly string[], folds: number, seed: number): number[] {
  const random = seededRandom(seed);
  const members = new Map<string, number[]>();
  strata.forEach((stratum, i) => {
    if (!members.has(stratum)) members.set(stratum, []);
    members.get(stratum)!.push(i);
  });
  const fold = new Array<number>(strata.length).fill(0);
  let next = 0;
  for (const stratum of [...members.keys()].sort()) {
    // Continue the round-robin across strata so that small strata do not all start in fold 0.
    for (const i of shuffle(members.get(stratum)!, random)) fold[i] = next++ % folds;
  }
  return fold;
}
