import { describe, expect, it } from "vitest";
import { issueText, prose, words } from "./issue-text";

describe("issueText", () => {
  it("sees the shape of a report: stack trace, code, expected/actual, declared type", () => {
    const { cues } = issueText(
      "[DevTools Bug]: panel is blank",
      "### Issue type\n\nBug\n\nExpected behavior: renders\n\n```\nTypeError: x is undefined\n    at render (app.js:10:5)\n```",
    );
    expect(cues).toEqual(
      expect.arrayContaining(["declared-bug", "title-bug", "stacktrace", "codeblock", "expected-actual"]),
    );
  });

  it("recognises questions and requests", () => {
    expect(issueText("How do I set a proxy?", "Is there a way? Thanks in advance.").cues).toEqual(
      expect.arrayContaining(["title-question-mark", "title-wh", "question-phrasing"]),
    );
    expect(issueText("Feature request: dark mode", "It would be nice to have a dark theme.").cues).toEqual(
      expect.arrayContaining(["title-feature", "feature-ask"]),
    );
  });

  it("keeps prose and drops comments, code, links, tables, checklists and form filler", () => {
    const text = prose(
      "<!-- template -->\nIt fails.\n```\nlog line\n```\n- [x] I searched\n| a | b |\n_No response_\nSee [docs](https://x.y/z).",
    );
    expect(words(text)).toEqual(["it", "fails", "see", "docs"]);
  });

  it("drops numbers and hashes from words", () => {
    expect(words("v1.2 commit 8b617bd08fd9e3fc crash x")).toEqual(["v1", "commit", "crash"]);
  });
});
