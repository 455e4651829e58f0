/** F1 of each class, then their plain mean: every class counts the same however rare it is. */
export function macroF1<T>(truth: readonly T[], predicted: readonly T[], classes: readonly T[]): number {
  const scores = classes.map((label) => {
    let truePositives = 0;
    let falsePositives = 0;
    let falseNegatives = 0;
    truth.forEach((actual, i) => {
      const guess = predicted[i];
      if (guess === label && actual === label) truePositives++;
      else if (guess === label) falsePositives++;
      else if (actual === label) falseNegatives++;
    });
    return truePositives === 0
      ? 0
      : (2 * truePositives) / (2 * truePositives + falsePositives + falseNegatives);
  });
  return scores.reduce((sum, score) => sum + score, 0) / classes.length;
}

export function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((sum, value) => sum + value, 0) / values.length;
}
