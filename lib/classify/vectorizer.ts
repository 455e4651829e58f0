import type { FeatureBlock, FeatureCounts } from "./text-features";

/** Feature indices in increasing order with their weights. */
export interface SparseVector {
  indices: Int32Array;
  values: Float64Array;
}

export interface Vocabulary {
  names: string[];
  index: Map<string, number>;
  /** Inverse document frequency per feature; cue features (`q:`) keep their count instead. */
  idf: Float64Array;
}

/**
 * The features seen in at least `minDf` documents, in sorted order so the same documents always
 * give the same vocabulary. Cues are always kept: there are few, and they are the point.
 */
export function fitVocabulary(documents: FeatureCounts[], minDf: number): Vocabulary {
  const df = new Map<string, number>();
  for (const document of documents) for (const name of document.keys()) df.set(name, (df.get(name) ?? 0) + 1);
  const names = [...df.keys()].filter((name) => df.get(name)! >= minDf || name.startsWith("q:")).sort();
  // Smoothed idf, as scikit-learn's TfidfVectorizer: ln((1 + n) / (1 + df)) + 1.
  const idf = Float64Array.from(names, (name) => Math.log((1 + documents.length) / (1 + df.get(name)!)) + 1);
  return { names, index: new Map(names.map((name, i) => [name, i])), idf };
}

export function vocabularyOf(names: string[], idf: ArrayLike<number>): Vocabulary {
  return { names, index: new Map(names.map((name, i) => [name, i])), idf: Float64Array.from(idf) };
}

/** Sublinear tf-idf, each block scaled to unit length and then by its weight. */
export function vectorize(
  features: FeatureCounts,
  vocabulary: Vocabulary,
  blockWeights: Record<FeatureBlock, number>,
): SparseVector {
  const byBlock = new Map<string, [number, number][]>();
  for (const [name, count] of features) {
    const index = vocabulary.index.get(name);
    if (index === undefined) continue;
    const value = name.startsWith("q:") ? count : (1 + Math.log(count)) * vocabulary.idf[index]!;
    const block = name[0]!;
    if (!byBlock.has(block)) byBlock.set(block, []);
    byBlock.get(block)!.push([index, value]);
  }
  const entries: [number, number][] = [];
  for (const [block, cells] of byBlock) {
    const norm = Math.sqrt(cells.reduce((sum, [, value]) => sum + value * value, 0)) || 1;
    const weight = blockWeights[block as FeatureBlock] ?? 0;
    for (const [index, value] of cells) entries.push([index, (value / norm) * weight]);
  }
  entries.sort((a, b) => a[0] - b[0]);
  return {
    indices: Int32Array.from(entries, ([index]) => index),
    values: Float64Array.from(entries, ([, value]) => value),
  };
}

export function dot(weights: ArrayLike<number>, vector: SparseVector): number {
  let sum = 0;
  for (let i = 0; i < vector.indices.length; i++) sum += weights[vector.indices[i]!]! * vector.values[i]!;
  return sum;
}
