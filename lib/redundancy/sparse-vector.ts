/** Term → weight. Vectors here hold tens to a few thousand terms, so a Map beats anything cleverer. */
export type SparseVector = Map<string, number>;

export function countTerms(
  tokens: Iterable<string>,
  into: SparseVector = new Map(),
  weight = 1,
): SparseVector {
  for (const token of tokens) into.set(token, (into.get(token) ?? 0) + weight);
  return into;
}

export function norm(vector: SparseVector): number {
  let sum = 0;
  for (const weight of vector.values()) sum += weight * weight;
  return Math.sqrt(sum);
}

/** A unit-length copy (an empty or all-zero vector stays empty). */
export function normalize(vector: SparseVector): SparseVector {
  const length = norm(vector);
  const result: SparseVector = new Map();
  if (length === 0) return result;
  for (const [term, weight] of vector) result.set(term, weight / length);
  return result;
}

/** Scales the vector itself to unit length (an all-zero vector is left as it is) and returns it. */
export function normalizeInPlace(vector: SparseVector): SparseVector {
  const length = norm(vector);
  if (length > 0) for (const [term, weight] of vector) vector.set(term, weight / length);
  return vector;
}

export function dot(a: SparseVector, b: SparseVector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [term, weight] of small) {
    const other = large.get(term);
    if (other !== undefined) sum += weight * other;
  }
  return sum;
}

/** Cosine of two vectors; 0 when either is empty. */
export function cosine(a: SparseVector, b: SparseVector): number {
  const lengths = norm(a) * norm(b);
  return lengths === 0 ? 0 : Math.min(1, dot(a, b) / lengths);
}

/** a·wa + b·wb, for mixing unit vectors of different fields. */
export function addScaled(a: SparseVector, wa: number, b: SparseVector, wb: number): SparseVector {
  const result: SparseVector = new Map();
  for (const [term, weight] of a) result.set(term, weight * wa);
  for (const [term, weight] of b) result.set(term, (result.get(term) ?? 0) + weight * wb);
  return result;
}
