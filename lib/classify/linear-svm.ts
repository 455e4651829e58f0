import { seededRandom, shuffle } from "./seeded-random";
import { dot, type SparseVector } from "./vectorizer";

export interface SvmOptions {
  /** Inverse regularisation: small C trusts the data less (few, noisy labels). */
  c: number;
  seed: number;
  maxPasses: number;
  /** Stop when no dual variable moves the objective by more than this. */
  tolerance: number;
  /** Scores the model must correct rather than replace, per example and class (for adaptation). */
  offsets?: number[][];
}

export interface LinearModel {
  /** One weight row per class, over the vocabulary. */
  weights: Float64Array[];
  bias: number[];
}

/**
 * One-vs-rest L2-regularised squared-hinge linear SVM, solved by dual coordinate descent
 * (Hsieh et al. 2008, the LIBLINEAR default). Deterministic: the visiting order comes from `seed`.
 * The bias is learned as the weight of a constant feature, as LIBLINEAR's `-B 1` does.
 */
export function trainLinearSvm(
  vectors: SparseVector[],
  labels: number[],
  classCount: number,
  dimension: number,
  options: SvmOptions,
): LinearModel {
  const weights: Float64Array[] = [];
  const bias: number[] = [];
  for (let k = 0; k < classCount; k++) {
    const signs = labels.map((label) => (label === k ? 1 : -1));
    const offsets = options.offsets?.map((row) => row[k] ?? 0);
    const model = trainBinarySvm(
      vectors,
      signs,
      dimension,
      { ...options, seed: options.seed * 31 + k },
      offsets,
    );
    weights.push(model.weights);
    bias.push(model.bias);
  }
  return { weights, bias };
}

/** One class against the rest: `signs` are +1 for the class, -1 otherwise. */
export function trainBinarySvm(
  vectors: SparseVector[],
  signs: number[],
  dimension: number,
  options: Pick<SvmOptions, "c" | "seed" | "maxPasses" | "tolerance">,
  offsets?: number[],
): { weights: Float64Array; bias: number } {
  const diagonal = 1 / (2 * options.c);
  const squaredNorms = vectors.map(
    (vector) => 1 + vector.values.reduce((sum, value) => sum + value * value, 0),
  );
  const w = new Float64Array(dimension);
  let b = 0;
  const alpha = new Float64Array(vectors.length);
  const random = seededRandom(options.seed);
  const order = vectors.map((_, i) => i);
  for (let pass = 0; pass < options.maxPasses; pass++) {
    let largestStep = 0;
    for (const i of shuffle(order, random)) {
      const vector = vectors[i]!;
      const gradient = signs[i]! * (dot(w, vector) + b + (offsets?.[i] ?? 0)) - 1 + diagonal * alpha[i]!;
      const projected = alpha[i] === 0 ? Math.min(gradient, 0) : gradient;
      largestStep = Math.max(largestStep, Math.abs(projected));
      if (projected === 0) continue;
      const previous = alpha[i]!;
      alpha[i] = Math.max(previous - gradient / (squaredNorms[i]! + diagonal), 0);
      const step = (alpha[i]! - previous) * signs[i]!;
      for (let j = 0; j < vector.indices.length; j++) w[vector.indices[j]!]! += step * vector.values[j]!;
      b += step;
    }
    if (largestStep < options.tolerance) break;
  }
  return { weights: w, bias: b };
}

export function margins(model: LinearModel, vector: SparseVector): number[] {
  return model.weights.map((w, k) => dot(w, vector) + model.bias[k]!);
}

export function softmax(scores: number[], temperature: number): number[] {
  const top = Math.max(...scores);
  const exps = scores.map((score) => Math.exp(temperature * (score - top)));
  const total = exps.reduce((sum, value) => sum + value, 0);
  return exps.map((value) => value / total);
}
