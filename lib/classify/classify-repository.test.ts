import { describe, expect, it } from "vitest";
import { classifyRepositoryIssues, labelledExamples, repositoryClassifier } from "./classify-repository";
import { shippedTextClassifier } from "./text-classifier";

const rfc = (topic: string, labels: string[] = []) => ({
  title: `RFC: new ${topic} API`,
  body: `Proposal to add a new ${topic} API with an option to enable it.`,
  labels,
});
const crash = (part: string, labels: string[] = []) => ({
  title: `${part} crashes on empty input`,
  body: "Segfault when the input is empty.",
  labels,
});

describe("classifyRepositoryIssues", () => {
  it("lets labelled issues teach the unlabelled ones of the same repository", () => {
    const issues = [
      ...["caching", "routing", "plugins", "streams", "workers"].map((topic) => rfc(topic, ["question"])),
      ...["parser", "renderer", "importer"].map((part) => crash(part, ["type: bug"])),
      rfc("logging"),
    ];
    expect(labelledExamples(issues)).toHaveLength(8);
    const results = classifyRepositoryIssues(issues);
    expect(results.at(-1)).toMatchObject({ category: "question", source: "text" });
    expect(results[0]).toMatchObject({ category: "question", source: "labels" });
  });

  it("does not learn from labels that cover a single category (a biased sample)", () => {
    const issues = [
      ...["parser", "renderer", "importer", "exporter"].map((part) => crash(part, ["bug"])),
      rfc("x"),
    ];
    expect(repositoryClassifier(issues)).toEqual({ classifier: shippedTextClassifier(), learnedFrom: 0 });
  });
});
