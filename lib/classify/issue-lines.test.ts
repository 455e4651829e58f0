import { describe, expect, it } from "vitest";
import { parseIssueLines } from "./issue-lines";

describe("parseIssueLines", () => {
  it("reads issues, echoes ids and reports bad lines by number", () => {
    const { issues, problems } = parseIssueLines(
      [
        '{"id": 1, "title": "A", "body": "b", "labels": ["bug", {"name": "P1"}]}',
        "",
        "{not json",
        '{"body": "no title"}',
        '{"title": "B", "labels": "bug"}',
        '["title"]',
        '{"title": "C", "repository": "o/r"}',
      ].join("\n"),
    );
    expect(issues).toEqual([
      { line: 1, id: 1, title: "A", body: "b", labels: ["bug", "P1"] },
      { line: 7, title: "C", body: null, labels: [], repository: "o/r" },
    ]);
    expect(problems.map((problem) => problem.line)).toEqual([3, 4, 5, 6]);
    expect(problems[0]!.message).toBe("not valid JSON");
  });
});
