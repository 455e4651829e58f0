import { type LinearModel, type SvmOptions, trainBinarySvm } from "./linear-svm";
import type { SparseVector } from "./vectorizer";

/**
 * NBSVM (Wang & Manning, 2012): each class's SVM sees the features scaled by their naive Bayes
 * log-count ratio for that class, so words typical of the class start ahead and rare noise behind.
 * On 1,500 issues it beats the plain SVM both within and across repositories (bench/classifier.ts).
 * The ratio is folded into the learned weights, so a model predicts like any linear model.
 */
export function trainNbSvm(
  vectors: SparseVector[],
  labels: number[],
  classCount: number,
  dimension: number,
  options: SvmOptions & { nbSmoothing: number },
): LinearModel {
  const weights: Float64Array[] = [];
  const bias: number[] = [];
  for (let k = 0; k < classCount; k++) {
    const ratio = logCountRatio(vectors, labels, k, dimension, options.nbSmoothing);
    const scaled = vectors.map((vector) => ({
      indices: vector.indices,
      values: Float64Array.from(vector.values, (value, j) => value * ratio[vector.indices[j]!]!),
    }));
    const signs = labels.map((label) => (label === k ? 1 : -1));
    const model = trainBinarySvm(scaled, signs, dimension, { ...options, seed: options.seed * 31 + k });
    weights.push(Float64Array.from(model.weights, (weight, j) => weight * ratio[j]!));
    bias.push(model.bias);
  }
  return { weights, bias };
}

/** log((p / |p|) / (q / |q|)): p sums a feature over the class's documents, q over the others. */
function logCountRatio(
  vectors: SparseVector[],
  labels: number[],
  k: number,
  dimension: number,
  smoothing: number,
): Float64Array {
  const inClass = new Float64Array(dimension).fill(smoothing);
  const outside = new Float64Array(dimension).fill(smoothing);
  vectors.forEach((vector, i) => {
    const sums = labels[i] === k ? inClass : outside;
    for (let j = 0; j < vector.indices.length; j++) sums[vector.indices[j]!]! += Math.abs(vector.values[j]!);
  });
  const inTotal = inClass.reduce((sum, value) => sum + value, 0);
  const outTotal = outside.reduce((sum, value) => sum + value, 0);
  return Float64Array.from(inClass, (value, j) => Math.log(value / inTotal / (outside[j]! / outTotal)));
}
