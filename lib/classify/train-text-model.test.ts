import { describe, expect, it } from "vitest";
import { createTextClassifier, scoreIssueText } from "./text-classifier";
import { defaultHyperparameters } from "./text-model";
import { type LabelledIssue, trainTextModel } from "./train-text-model";

// A tiny corpus, so training runs in a test; the real one is ../shared/data/issues/nlbse24_train.csv.
const issues: LabelledIssue[] = [
  ...["parser", "renderer", "cache", "login", "upload", "export"].map((part) => ({
    title: `${part} crashes with an error`,
    body: `The ${part} throws an exception and the app crashes. Expected it to work, actual: error.`,
    category: "bug" as const,
  })),
  ...["themes", "plugins", "shortcuts", "sync", "search", "tags"].map((part) => ({
    title: `Add support for ${part}`,
    body: `It would be nice to add ${part}. I propose a new option to enable ${part}.`,
    category: "feature" as const,
  })),
  ...["proxy", "logging", "caching", "paths", "tokens", "locales"].map((part) => ({
    title: `How do I configure ${part}?`,
    body: `I'm trying to set up ${part}. Is there a way to do it? Any help appreciated.`,
    category: "question" as const,
  })),
];
const small = { ...defaultHyperparameters, maxFeatures: 300 };

describe("trainTextModel", () => {
  it("is deterministic: the same issues give the same model", () => {
    expect(JSON.stringify(trainTextModel(issues, small))).toBe(JSON.stringify(trainTextModel(issues, small)));
  });

  it("keeps at most maxFeatures features and learns the classes", () => {
    const model = trainTextModel(issues, small);
    expect(model.classes).toEqual(["bug", "feature", "question"]);
    expect(Object.keys(model.features).length).toBeLessThanOrEqual(300);
    const classifier = createTextClassifier(model);
    const best = (title: string, body: string) =>
      Object.entries(scoreIssueText(classifier, title, body)).sort((a, b) => b[1]! - a[1]!)[0]![0];
    expect(best("importer crashes with an error", "It throws an exception.")).toBe("bug");
    expect(best("Add support for emoji", "It would be nice to add a new option.")).toBe("feature");
    expect(best("How do I configure colours?", "Is there a way? Any help appreciated.")).toBe("question");
  });
});
