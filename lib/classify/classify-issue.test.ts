import { describe, expect, it } from "vitest";
import { classifyIssue } from "./classify-issue";

describe("classifyIssue", () => {
  it("takes the repository's labels first, with their severity", () => {
    const result = classifyIssue({
      title: "How do I add a theme?",
      body: "Is there a way?",
      labels: ["kind/bug", "priority/P0", "good first issue"],
    });
    expect(result).toMatchObject({ category: "bug", severity: "critical", confidence: 1, source: "labels" });
    expect(result.flags).toContain("good-first-issue");
    expect(result.reason).toMatch(/kind\/bug/);
  });

  it("falls back to the text when labels name no category, keeping a label severity", () => {
    const result = classifyIssue({
      title: "Editor crashes when saving",
      body: "Segmentation fault every time I press save. Steps to reproduce: save a file.",
      labels: ["area: editor", "severity: low"],
    });
    expect(result).toMatchObject({ category: "bug", severity: "low", source: "text" });
    expect(result.confidence).toBeGreaterThan(0.34);
    expect(result.scores?.bug).toBe(result.confidence);
  });

  it.each([
    ["Memory leak when streaming large responses", "performance"],
    ["Typo in the README installation section", "documentation"],
    ["XSS vulnerability in the comment renderer", "security"],
    ["Refactor the config loader", "refactor"],
    ["Run the formatter on serve sources", "refactor"],
    ["Flaky test in scheduler suite", "tests"],
  ])("names other kinds of work from title keywords: %s", (title, category) => {
    expect(classifyIssue({ title, body: "" })).toMatchObject({ category, source: "text", confidence: 0.75 });
  });

  it("keeps a question a question when it is asked about performance", () => {
    const result = classifyIssue({
      title: "How can I make startup faster?",
      body: "I'm trying to reduce the startup time. Is there a way? Any help appreciated.",
    });
    expect(result.category).toBe("question");
  });

  it("rates crashes, data loss and typos by their harm", () => {
    expect(
      classifyIssue({ title: "Wallet file corrupted after crash", body: "I lost funds, data corruption." }),
    ).toMatchObject({ category: "bug", severity: "critical" });
    expect(
      classifyIssue({ title: "App crashes on startup", body: "Segfault. Expected it to start." }).severity,
    ).toBe("high");
    expect(classifyIssue({ title: "Fix typo in docs", body: "" }).severity).toBe("low");
  });
});
