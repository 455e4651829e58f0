import { describe, expect, it } from "vitest";
import { categorizeFromLabels, normalizeLabel } from "./labels";

function read(label: string) {
  const { kind, category, severity } = normalizeLabel(label);
  return [kind, category, severity].filter(Boolean).join(" ");
}

describe("normalizeLabel", () => {
  it.each([
    ["type: bug", "type bug"],
    ["kind/bug", "type bug"],
    ["C-bug", "type bug"],
    [":beetle: bug", "type bug"],
    ["bug 🐛", "type bug"],
    ["🐛", "type bug"],
    ["01 type: bug", "type bug"],
    ["Type: Bug", "type bug"],
    ["BugFix", "type bug"],
    ["kind/feature-request", "type feature"],
    ["newfeaturerequest", "type feature"],
    ["Enhancement", "type feature"],
    ["tool request", "type feature"],
    ["[type] help request", "type question"],
    ["support request", "type question"],
    ["discussion", "type question"],
    ["docs", "type documentation"],
    [":book: documentation", "type documentation"],
    ["documentation bug", "type documentation"],
    ["performance bug", "type performance"],
    ["bug/vulnerability", "type security"],
    ["tech debt", "type refactor"],
    ["unit-tests", "type tests"],
    ["regression", "type bug"],
    ["バグ", "type bug"],
    ["mejora", "type feature"],
    ["its_not_a_bug_but_feature", "type feature"],
    ["task", "type other"],
    ["breaking change", "type other"],
    ["type: build", "type other"],
  ])("%s is a kind: %s", (label, expected) => {
    expect(read(label)).toBe(expected);
  });

  it.each([
    ["severity:critical", "priority critical"],
    ["P1", "priority high"],
    ["p0", "priority critical"],
    ["priority: low", "priority low"],
    ["priority 2", "priority medium"],
    ["non-critical", "priority"],
    ["effort: high", "priority"],
    ["good first issue", "priority"],
    ["bug (critical)", "type bug critical"],
    ["critical bug", "type bug critical"],
  ])("%s is about priority: %s", (label, expected) => {
    expect(read(label)).toBe(expected);
  });

  it.each([
    "needs docs",
    "docs needed",
    "bug: confirmed",
    "not a bug",
    "not our bug",
    "won't fix",
    "duplicate",
    "help wanted",
    "in progress",
    "to discuss",
    "fix available",
    "pr open",
    "proposal accepted",
  ])("%s is a status, not a kind", (label) => {
    expect(normalizeLabel(label).kind).toBe("status");
  });

  it.each(["android", "area: ui", "v2.0", "windows", "cat: rendering"])("%s says nothing we use", (label) => {
    expect(normalizeLabel(label)).toMatchObject({ kind: "other" });
  });

  it("raises flags a triager cares about", () => {
    expect(normalizeLabel("good first issue").flags).toContain("good-first-issue");
    expect(normalizeLabel("help wanted").flags).toContain("help-wanted");
    expect(normalizeLabel("status: duplicate").flags).toContain("duplicate");
    expect(normalizeLabel("wontfix").flags).toContain("wontfix");
    expect(normalizeLabel("breaking change").flags).toContain("breaking-change");
  });
});

describe("categorizeFromLabels", () => {
  it("takes the most specific kind and the highest severity", () => {
    expect(categorizeFromLabels(["bug", "documentation", "P2", "severity: critical"])).toEqual({
      category: "documentation",
      severity: "critical",
      flags: [],
      evidence: ["documentation", "severity: critical"],
    });
  });

  it("leaves the category to the text when labels name none, or only a task", () => {
    const verdict = categorizeFromLabels(["task", "help wanted", "area: parser"]);
    expect(verdict.category).toBeUndefined();
    expect(verdict.flags).toEqual(["help-wanted"]);
    expect(categorizeFromLabels([])).toEqual({ flags: [], evidence: [] });
  });
});
