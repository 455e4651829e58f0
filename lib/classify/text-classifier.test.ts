import { statSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { readTextModel, scoreIssueText, shippedModelPath, shippedTextClassifier } from "./text-classifier";
import { textModelFormat } from "./text-model";

describe("the shipped text classifier", () => {
  it("is a small file with its provenance", () => {
    expect(statSync(shippedModelPath).size).toBeLessThan(2_000_000);
    const model = readTextModel(shippedModelPath);
    expect(model.format).toBe(textModelFormat);
    expect(model.classes).toEqual(["bug", "feature", "question"]);
    expect(model.provenance).toMatchObject({
      sourceCommit: "2927bc67eb42db8affd16eaf3e5a6d74f3063961",
      examples: 1500,
      perClass: { bug: 500, feature: 500, question: 500 },
      command: "npm run train:classifier",
    });
    expect(model.provenance.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(Object.keys(model.features).length).toBeLessThanOrEqual(model.hyperparameters.maxFeatures);
  });

  it.each([
    [
      "bug",
      "App crashes when opening a large file",
      'Steps to reproduce: open a 2 GB file.\n\nExpected behavior: it opens. Actual behavior: segfault.\n\n```\nTraceback (most recent call last):\n  File "main.py", line 3\n```',
    ],
    [
      "feature",
      "Add an option to export the graph as SVG",
      "It would be nice to have an option to export diagrams as SVG. Currently only PNG is supported. I propose adding a --format flag.",
    ],
    [
      "question",
      "How do I configure a proxy?",
      "I'm trying to use the library behind a corporate proxy. Is there a way to set it? Thanks in advance for any help.",
    ],
  ])("reads a typical %s", (expected, title, body) => {
    const scores = scoreIssueText(shippedTextClassifier(), title, body);
    const best = Object.entries(scores).sort((a, b) => b[1]! - a[1]!)[0]![0];
    expect(best).toBe(expected);
    expect(Object.values(scores).reduce((sum, p) => sum! + p!, 0)).toBeCloseTo(1, 6);
  });

  it("copes with an empty body and a huge one", () => {
    expect(Object.keys(scoreIssueText(shippedTextClassifier(), "x", null))).toHaveLength(3);
    const huge = "error at line 1\n".repeat(50_000);
    const started = performance.now();
    scoreIssueText(shippedTextClassifier(), "Build fails", huge);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
