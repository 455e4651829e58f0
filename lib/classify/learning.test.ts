import { describe, expect, it } from "vitest";
import { margins, trainLinearSvm } from "./linear-svm";
import { macroF1 } from "./metrics";
import { stratifiedFolds } from "./stratified-folds";
import { fitVocabulary, vectorize } from "./vectorizer";

describe("learning primitives", () => {
  it("macro-F1 weighs every class the same", () => {
    expect(macroF1(["a", "a", "b"], ["a", "a", "b"], ["a", "b"])).toBe(1);
    expect(macroF1(["a", "a", "b"], ["a", "a", "a"], ["a", "b"])).toBeCloseTo((0.8 + 0) / 2);
  });

  it("stratified folds spread each stratum evenly and repeat with the seed", () => {
    const strata = [...Array(10).fill("x"), ...Array(5).fill("y")];
    const folds = stratifiedFolds(strata, 5, 1);
    expect(stratifiedFolds(strata, 5, 1)).toEqual(folds);
    for (let k = 0; k < 5; k++)
      expect(folds.filter((fold, i) => fold === k && strata[i] === "x")).toHaveLength(2);
  });

  it("vectorizes per block to unit length and a linear SVM separates what it can", () => {
    const documents = [
      new Map([["t:crash", 2]]),
      new Map([
        ["t:crash", 1],
        ["t:error", 1],
      ]),
      new Map([["t:add", 1]]),
      new Map([
        ["t:add", 1],
        ["t:option", 1],
      ]),
    ];
    const vocabulary = fitVocabulary(documents, 1);
    const weights = { t: 1, b: 1, c: 1, d: 1, r: 1, q: 1 };
    const vectors = documents.map((document) => vectorize(document, vocabulary, weights));
    expect(vectors[1]!.values.reduce((sum, value) => sum + value * value, 0)).toBeCloseTo(1);
    const model = trainLinearSvm(vectors, [0, 0, 1, 1], 2, vocabulary.names.length, {
      c: 1,
      seed: 1,
      maxPasses: 100,
      tolerance: 1e-4,
    });
    const [crash, add] = [margins(model, vectors[0]!), margins(model, vectors[2]!)];
    expect(crash[0]).toBeGreaterThan(crash[1]!);
    expect(add[1]).toBeGreaterThan(add[0]!);
  });
});
