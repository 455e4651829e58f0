import { describe, expect, it } from "vitest";
import { atThreshold, bestF1, rocAuc } from "./ranking-metrics";

describe("ranking metrics", () => {
  it("computes ROC-AUC with ties counting half", () => {
    expect(rocAuc([0.9, 0.8, 0.2, 0.1], [true, true, false, false])).toBe(1);
    expect(rocAuc([0.1, 0.2, 0.8, 0.9], [true, true, false, false])).toBe(0);
    expect(rocAuc([0.5, 0.5, 0.5, 0.5], [true, false, true, false])).toBe(0.5);
    // positives 0.8 and 0.4; negatives 0.6 and 0.4: pairs won 1 + 0 + 1 + 0.5 of 4
    expect(rocAuc([0.8, 0.4, 0.6, 0.4], [true, true, false, false])).toBe(0.625);
  });

  it("computes precision, recall and the best-F1 threshold", () => {
    const scores = [0.9, 0.8, 0.7, 0.3, 0.2];
    const labels = [true, false, true, true, false];
    expect(atThreshold(scores, labels, 0.7)).toMatchObject({
      flagged: 3,
      truePositives: 2,
      precision: 2 / 3,
      recall: 2 / 3,
    });
    const best = bestF1(scores, labels);
    expect(best.threshold).toBe(0.3);
    expect(best.f1).toBeCloseTo(0.857, 3);
  });
});
