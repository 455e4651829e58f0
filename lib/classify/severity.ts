import type { IssueCategory, IssueSeverity } from "../db/schema/issues";

/**
 * How much an issue hurts when nobody works on it, from what it is and what its text says.
 * High-impact work first (SPEC: security, crashes, data loss and regressions rank high; lint,
 * formatting, typos and style rank low), so this leans on the words reporters use for those.
 */
export interface SeverityVerdict {
  severity: IssueSeverity;
  reason: string;
}

const critical =
  /\b(data (loss|corruption)|loses? (data|funds|coins|files|work)|lost (data|funds|coins|files)|corrupt(s|ed|ion)? (the )?(data|database|wallet|files?|index|repository)|remote code execution|rce|privilege escalation|auth(entication)? bypass|arbitrary code execution)\b/i;
const high =
  /\b(crash(es|ed|ing)?|segfaults?|segmentation fault|core dump(ed)?|panic(s|ked)?|abort(s|ed)?|hangs?|freez(es|ing)|deadlocks?|regression|regressed|memory leak|data race|infinite loop|unusable|security|vulnerab\w*|cve-\d{4}-\d+)\b/i;
const low =
  /\b(typos?|spelling|grammar|wording|cosmetic|lint(ing|er)?|formatting|code style|whitespace|indentation|nit(pick)?|rename)\b/i;

// Where the words above say nothing: a bug is medium, a question or a docs fix rarely urgent.
const byCategory: Record<IssueCategory, IssueSeverity> = {
  bug: "medium",
  security: "high",
  performance: "medium",
  feature: "medium",
  tests: "medium",
  documentation: "low",
  question: "low",
  refactor: "low",
  other: "low",
};

// Harm words in a feature request ("add crash reporting") describe the feature, not a failure.
const failureCategories = new Set<IssueCategory>(["bug", "security", "performance", "tests"]);

export function severityOf(category: IssueCategory, title: string, body?: string | null): SeverityVerdict {
  const text = `${title}\n${(body ?? "").slice(0, 4000)}`;
  if (failureCategories.has(category)) {
    const worst = critical.exec(text);
    if (worst) return { severity: "critical", reason: `mentions ${worst[0].toLowerCase()}` };
    const bad = high.exec(text);
    if (bad) return { severity: "high", reason: `mentions ${bad[0].toLowerCase()}` };
  }
  const small = low.exec(title);
  if (small) return { severity: "low", reason: `only ${small[0].toLowerCase()}` };
  return { severity: byCategory[category], reason: `a typical ${category} issue` };
}
