import { describe, expect, it } from "vitest";
import { adaptClassifier } from "./adapt";
import { classifyIssue } from "./classify-issue";
import { shippedTextClassifier } from "./text-classifier";
import type { LabelledIssue } from "./train-text-model";

// A repository whose labels teach what the shipped model never saw: its "RFC:" issues are
// questions there, and wiki pages are documentation.
const labelled: LabelledIssue[] = [
  ...["caching", "routing", "plugins", "streams", "workers", "metrics"].map((topic) => ({
    title: `RFC: new ${topic} API`,
    body: `Proposal to add a new ${topic} API with an option to enable it.`,
    category: "question" as const,
  })),
  ...["install", "upgrade", "deploy", "backup", "restore", "monitor"].map((topic) => ({
    title: `Wiki page for ${topic} is outdated`,
    body: `The ${topic} wiki page describes the old steps.`,
    category: "documentation" as const,
  })),
  ...["parser", "renderer", "scheduler", "importer"].map((part) => ({
    title: `${part} crashes on empty input`,
    body: "Segfault when the input is empty.",
    category: "bug" as const,
  })),
];

describe("adaptClassifier", () => {
  const base = shippedTextClassifier();
  const adapted = adaptClassifier(base, labelled);
  const rfc = {
    title: "RFC: new logging API",
    body: "Proposal to add a new logging API with an option to enable it.",
  };
  const wiki = {
    title: "Wiki page for scaling is outdated",
    body: "The scaling wiki page describes the old steps.",
  };

  it("teaches a repository's own use of its categories", () => {
    expect(classifyIssue(rfc, { classifier: base }).category).toBe("feature");
    expect(classifyIssue(rfc, { classifier: adapted }).category).toBe("question");
  });

  it("learns categories the shipped model does not know", () => {
    expect(base.categories).not.toContain("documentation");
    expect(adapted.categories).toContain("documentation");
    expect(classifyIssue(wiki, { classifier: adapted }).category).toBe("documentation");
  });

  it("still reads what the repository did not teach", () => {
    const crash = { title: "Exporter crashes on empty input", body: "Segfault when the input is empty." };
    expect(classifyIssue(crash, { classifier: adapted }).category).toBe("bug");
  });

  it("changes nothing without examples", () => {
    expect(adaptClassifier(base, [])).toBe(base);
  });
});
