import { describe, expect, it } from "vitest";
import { parseProjectLines } from "./read-projects";

describe("parseProjectLines", () => {
  it("reads valid lines and reports each bad one with its line number", () => {
    const text = [
      '{"name": "a", "description": "HTTP client", "language": "Python", "stars": 10}',
      "",
      "{not json",
      '{"description": "no name"}',
      '{"name": "b", "stars": -3}',
      '["name", "c"]',
      '{"name": "d", "health": 0.8, "topics": ["cli"]}',
    ].join("\r\n");
    const { projects, problems } = parseProjectLines(text);
    expect(projects.map((p) => p.name)).toEqual(["a", "d"]);
    expect(projects[1]).toMatchObject({ healthScore: 0.8, topics: ["cli"] });
    expect(problems.map((p) => p.line)).toEqual([3, 4, 5, 6]);
    expect(problems[0]!.message).toMatch(/not valid JSON/);
    expect(problems[1]!.message).toMatch(/name/);
    expect(problems[2]!.message).toMatch(/stars/);
    expect(problems[3]!.message).toMatch(/JSON object/);
  });
});
