import { describe, expect, it } from "vitest";
import { type IssueFeatureInput, issueFeatures } from "./issue-features";

const now = new Date("2026-06-01T00:00:00Z");
function issue(overrides: Partial<IssueFeatureInput>): IssueFeatureInput {
  return {
    title: "Something",
    body: "A description that is long enough to read.",
    labels: [],
    category: "bug",
    severity: null,
    comments: 2,
    createdAt: now,
    updatedAt: now,
    ...overrides,
  };
}

describe("issue features", () => {
  it("ranks security, crashes, data loss and regressions as urgent, whatever the labels say", () => {
    const plain = issueFeatures(issue({ title: "Button colour is slightly off", category: "feature" }), now);
    for (const title of [
      "XSS in the login form",
      "Segfault when loading a file",
      "Data loss when saving twice",
      "Regression: export stopped working after upgrading",
    ]) {
      const urgent = issueFeatures(issue({ title, category: "other" }), now);
      expect(urgent.urgency, title).toBeGreaterThanOrEqual(0.75);
      expect(urgent.urgency).toBeGreaterThan(plain.urgency);
      expect(urgent.reasons.urgency).toMatch(/security|crash|data loss|regression/);
    }
  });

  it("marks lint, formatting, typo and style-only work as low value, but not a crash in the linter", () => {
    for (const title of [
      "Fix typo in README",
      "Run prettier over src",
      "Code style: trailing whitespace",
      "eslint warnings in utils",
      "Run the formatter on serve sources",
      "Reformat the parser module",
    ]) {
      expect(issueFeatures(issue({ title, category: "documentation" }), now).lowValue, title).toBe(true);
    }
    expect(issueFeatures(issue({ title: "Linter crashes on empty files" }), now).lowValue).toBe(false);
    expect(issueFeatures(issue({ title: "Add caching", labels: ["style"] }), now).lowValue).toBe(true);
  });

  it("finds clear, bounded reports more solvable than vague or contested ones", () => {
    const clear = issueFeatures(
      issue({
        body: "Steps to reproduce:\n```\nfoo()\n```\nExpected behavior: ok. Actual behavior: Traceback",
        labels: ["good first issue"],
      }),
      now,
    );
    const vague = issueFeatures(issue({ body: "broken", labels: ["needs discussion"], comments: 80 }), now);
    expect(clear.solvability).toBeGreaterThan(0.8);
    expect(vague.solvability).toBeLessThan(0.3);
    expect(clear.reasons.solvability).toMatch(/reproduction steps/);
    expect(vague.reasons.solvability).toMatch(/needing a decision/);
  });

  it("keeps every value in 0..1", () => {
    const extreme = issueFeatures(
      issue({
        title: "CVE-2024-1234 crash data loss",
        severity: "critical",
        comments: 10_000,
        labels: ["good first issue", "easy", "help wanted"],
      }),
      now,
    );
    for (const value of [extreme.urgency, extreme.solvability]) {
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
  });
});
