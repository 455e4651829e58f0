import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runCli, spawnCli } from "../../test/cli";

// Offline: no database, no network. A fresh HOME so no user config leaks in.
const home = mkdtempSync(join(tmpdir(), "globallm-classify-"));
const env = { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: join(home, "config") };
const file = (name: string, lines: string[]) => {
  const path = join(home, name);
  writeFileSync(path, `${lines.join("\n")}\n`);
  return path;
};

describe("globallm issues classify", () => {
  it("prints one JSON line per issue with category, severity and confidence, echoing ids", async () => {
    const path = file("issues.jsonl", [
      JSON.stringify({
        id: 1,
        title: "App crashes on startup",
        body: "Segfault. Steps to reproduce: start it.",
      }),
      JSON.stringify({ id: "b", title: "How do I set a proxy?", body: "Is there a way? Thanks in advance." }),
      JSON.stringify({ title: "Add dark mode", labels: ["Type: Enhancement", "P1"] }),
    ]);
    const result = await runCli(["issues", "classify", path], env);
    expect(result.code).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(lines).toEqual([
      expect.objectContaining({ id: 1, category: "bug", severity: "high", source: "text" }),
      expect.objectContaining({ id: "b", category: "question", source: "text" }),
      expect.objectContaining({ category: "feature", severity: "high", confidence: 1, source: "labels" }),
    ]);
    expect("id" in lines[2]).toBe(false);
    for (const line of lines) expect(line.confidence).toBeGreaterThan(0);
    expect(result.stderr).toMatch(/classified 3 issues/);
  });

  it("reports a malformed line with its number and still classifies the rest", async () => {
    const path = file("mixed.jsonl", [
      '{"id": 1, "title": "Crash"}',
      "{oops",
      '{"body": "no title"}',
      '{"id": 4, "title": "Docs typo"}',
    ]);
    const result = await runCli(["issues", "classify", path, "--json"], env);
    expect(result.code).toBe(0);
    expect(
      result.stdout
        .trim()
        .split("\n")
        .map((line) => JSON.parse(line).id),
    ).toEqual([1, 4]);
    expect(result.stderr).toMatch(/mixed\.jsonl:2: skipped, not valid JSON/);
    expect(result.stderr).toMatch(/mixed\.jsonl:3: skipped, `title` must be a string/);
  });

  it("exits 2 with one clear line for a missing file or a file without a valid issue", async () => {
    const missing = await runCli(["issues", "classify", join(home, "nope.jsonl")], env);
    expect(missing.code).toBe(2);
    expect(missing.stderr.trim()).toBe(`error: Cannot read ${join(home, "nope.jsonl")}: no such file.`);
    const empty = await runCli(["issues", "classify", file("empty.jsonl", ["", "[1]"])], env);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toMatch(/holds no valid issue/);
    expect(empty.stdout).toBe("");
  });

  it("works as a user runs it, from a separate process", async () => {
    const path = file("one.jsonl", [JSON.stringify({ id: 9, title: "Memory leak in the cache", body: "" })]);
    const result = await spawnCli(["issues", "classify", path], env);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ id: 9, category: "performance" });
  });
});
