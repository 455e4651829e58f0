import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { haveSharedData, sharedDataFile } from "../../test/shared-data";
import { parseCsvRecords } from "../scoring/csv";
import { normalizeLabel } from "./labels";

/**
 * 32,235 real label spellings, each put in one category by the GitHub label study
 * (thwak/github-label-study). Our rules are generic word patterns, so this checks them against
 * spellings they were not written from one by one.
 */
const file = "issues/github_label_categories.csv";
const present = haveSharedData(file, "label normalisation coverage");

// A `complex` label is type-like when it names a kind of work among other things ("critical bug",
// "big feature", "docs outdated"): the nouns of the study's own type labels, matched independently.
const kindNoun =
  /(^|[^a-z])(bugs?|features?|enhancements?|docs?|documentation|refactor\w*|questions?|regression|crash\w*|performance|security|cleanup|improvements?|proposals?|defects?)([^a-z]|$)/;

describe.skipIf(!present)("label normalisation over the label study", () => {
  const rows = present ? parseCsvRecords(readFileSync(sharedDataFile(file), "utf8")) : [];
  const read = (category: string, filter: (label: string) => boolean = () => true) =>
    rows
      .filter((row) => row.Category === category && filter(row.Label!))
      .map((row) => normalizeLabel(row.Label!));
  const share = (labels: { length: number }, of: { length: number }) => labels.length / of.length;

  it("maps the study's type labels to our kinds", () => {
    const types = read("type");
    const named = types.filter((label) => label.kind === "type" && label.category !== "other");
    const kinds = types.filter((label) => label.kind === "type");
    console.info(
      `type labels: ${types.length}; a category of ours ${(share(named, types) * 100).toFixed(1)}%, ` +
        `any kind incl. other ${(share(kinds, types) * 100).toFixed(1)}%`,
    );
    expect(types.length).toBeGreaterThan(1000);
    expect(share(named, types)).toBeGreaterThan(0.8);
    expect(share(kinds, types)).toBeGreaterThan(0.9);
  });

  it("maps the type-like complex labels to our kinds", () => {
    const complex = read("complex", (label) => kindNoun.test(label));
    const named = complex.filter((label) => label.kind === "type" && label.category !== "other");
    console.info(
      `type-like complex labels: ${complex.length}; a category of ours ${(share(named, complex) * 100).toFixed(1)}%`,
    );
    expect(complex.length).toBeGreaterThan(500);
    expect(share(named, complex)).toBeGreaterThan(0.88);
  });

  it("recognises priority and status labels as such, rarely as kinds", () => {
    for (const category of ["priority", "status"] as const) {
      const labels = read(category);
      const recognised = labels.filter((label) => label.kind === category);
      const falseKinds = labels.filter((label) => label.kind === "type");
      console.info(
        `${category} labels: ${labels.length}; recognised ${(share(recognised, labels) * 100).toFixed(1)}%, ` +
          `read as a kind ${(share(falseKinds, labels) * 100).toFixed(1)}%`,
      );
      expect(share(recognised, labels)).toBeGreaterThan(0.7);
      expect(share(falseKinds, labels)).toBeLessThan(0.03);
    }
  });

  it("finds a severity in most priority labels that name one", () => {
    const urgent = read("priority", (label) =>
      /critical|urgent|blocker|high|low|medium|p[0-4]\b/.test(label),
    );
    const withSeverity = urgent.filter((label) => label.severity);
    expect(share(withSeverity, urgent)).toBeGreaterThan(0.85);
  });
});
