import type { IssueCategory, IssueSeverity } from "../db/schema/issues";
import { kindWords } from "./label-kind-words";
import { fillerWords, otherKindWords, weakOtherKindWords } from "./label-other-words";
import {
  effortWords,
  numberedPriority,
  priorityPattern,
  severityByLevel,
  severityPatterns,
} from "./label-priority-words";
import {
  negation,
  statusLead,
  statusOverride,
  statusWords,
  trailingState,
  typePrefix,
} from "./label-status-words";
import { labelText, words } from "./label-text";

/** What a label says about an issue: its kind of work, how urgent it is, its state, or none of these. */
export type LabelKind = "type" | "priority" | "status" | "other";

export const labelFlags = [
  "good-first-issue",
  "help-wanted",
  "duplicate",
  "wontfix",
  "invalid",
  "not-a-bug",
  "blocked",
  "needs-info",
  "has-pr",
  "breaking-change",
] as const;
export type LabelFlag = (typeof labelFlags)[number];

export interface NormalizedLabel {
  label: string;
  kind: LabelKind;
  /** Set for `type` labels; `other` for real kinds of work outside our categories (task, epic). */
  category?: IssueCategory;
  severity?: IssueSeverity;
  flags: LabelFlag[];
}

const flagPatterns: [LabelFlag, RegExp][] = [
  [
    "good-first-issue",
    words(
      "good (first|1st|next) \\S+",
      "first ?timers?( only)?",
      "first ?(time|pr|project|contribution)s?",
      "your first \\S+",
      "new (contributor|developer|dev)\\S*( friendly)?",
      "good for (pr|bounty|stream)",
      "beginner\\S*",
      "starter",
      "newbie",
      "easy pick",
    ),
  ],
  ["help-wanted", words("help wanted", "help welcome", "up for grabs", "contributions? welcome")],
  ["duplicate", words("duplicates?", "dup", "dupe")],
  ["wontfix", words("wontfix", "won ?t fix", "will not fix", "won ?t do")],
  ["invalid", words("invalid")],
  ["not-a-bug", words("not an? bug", "notabug", "no bug", "non bug", "not bug", "by design", "as designed")],
  ["blocked", words("blocked\\S*", "on hold")],
  [
    "needs-info",
    words("needs? (more )?info\\S*", "more info\\S*", "needs? repro\\S*", "awaiting (response|feedback)"),
  ],
  ["has-pr", words("has (a )?(pr|pull request)", "pr exists", "pr open(ed)?", "in pull request")],
  [
    "breaking-change",
    words("breaking( changes?)?", "break change", "breaks? (compat\\S*|api)", "breakingchange"),
  ],
];

/**
 * Reads one label as spelled on GitHub, case-insensitively. Kind words win over priority words
 * (`bug (critical)` is a critical bug); state words win over kind words (`needs docs`, `bug
 * confirmed`, `not our bug` are states of an issue, not its kind).
 */
export function normalizeLabel(label: string): NormalizedLabel {
  const { padded } = labelText(label);
  const flags = flagPatterns.filter(([, pattern]) => pattern.test(padded)).map(([flag]) => flag);
  const severity = severityIn(padded);
  const result = (kind: LabelKind, category?: IssueCategory): NormalizedLabel => ({
    label,
    kind,
    ...(category ? { category } : {}),
    ...(severity ? { severity } : {}),
    flags,
  });

  const negated = negation.exec(padded);
  // "its not a bug but a feature": what follows "but" is affirmed again.
  const affirmed = negated
    ? `${padded.slice(0, negated.index)}${padded.slice(negated.index).split(/ but (?=\S)/)[1] ?? ""} `
    : padded;
  const kind = kindIn(affirmed);
  const state =
    statusOverride.test(padded) ||
    statusLead.test(padded) ||
    (kind !== undefined && trailingState.test(affirmed.slice(kind.end - 1)));
  if (kind && !state) return result("type", kind.category);
  if (!state && !negated && (otherKindWords.test(padded) || standsAlone(padded, weakOtherKindWords)))
    return result("type", "other");
  // "new contributor friendly" says who can take it on, like a difficulty: a priority label.
  if (!state && flags.includes("good-first-issue")) return result("priority");
  if (state || statusWords.test(padded)) return result("status");
  if (severity || priorityPattern.test(padded)) return result("priority");
  if (negated) return result("status");
  if (typePrefix.test(padded)) return result("type", "other");
  return result("other");
}

function severityIn(padded: string): IssueSeverity | undefined {
  if (effortWords.test(padded)) return undefined;
  // "non-critical", "not urgent": the negated word says nothing about urgency.
  const text = padded.replace(new RegExp(`${negation.source} \\S+`, "gu"), "");
  const named = severityPatterns.find(([, pattern]) => pattern.test(text))?.[0];
  if (named) return named;
  const level = numberedPriority.exec(text);
  return level ? severityByLevel[Math.min(Number(level[1] ?? level[2]), 3)] : undefined;
}

/** True when the text has a word of the pattern and otherwise only filler words. */
function standsAlone(text: string, pattern: RegExp): boolean {
  const global = new RegExp(pattern.source, "gu");
  return global.test(text) && text.replace(fillerWords, "").replace(global, "").trim() === "";
}

const anyWeakWord = new RegExp(
  kindWords.flatMap((kind) => (kind.weak ? [kind.weak.source] : [])).join("|"),
  "gu",
);

/** The first strong kind word, else a weak one that stands alone among filler words. */
function kindIn(text: string): { category: Exclude<IssueCategory, "other">; end: number } | undefined {
  for (const { category, strong } of kindWords) {
    // The last mention decides what trails it: "feature request / missing feature" is a feature.
    const last = [...text.matchAll(new RegExp(strong.source, "gu"))].at(-1);
    if (last) return { category, end: last.index + last[0].length };
  }
  if (!standsAlone(text, anyWeakWord)) return undefined;
  for (const { category, weak } of kindWords) {
    const match = weak?.exec(text);
    if (match) return { category, end: match.index + match[0].length };
  }
  return undefined;
}

export interface LabelVerdict {
  /** The most specific category the labels name; undefined when they name none (the text decides). */
  category?: Exclude<IssueCategory, "other">;
  /** The highest severity the labels name. */
  severity?: IssueSeverity;
  flags: LabelFlag[];
  /** The labels that decided the category and severity. */
  evidence: string[];
}

const precedence = kindWords.map((kind) => kind.category);
const severityRank: IssueSeverity[] = ["critical", "high", "medium", "low"];

/**
 * Combines a repository's labels on one issue. A `documentation` label beside `bug` makes it
 * documentation work (the order of `kindWords`); `other`-kind labels such as `task` decide
 * nothing, so the text classifier still runs.
 */
export function categorizeFromLabels(labels: readonly string[]): LabelVerdict {
  const normalized = labels.map(normalizeLabel);
  const typed = normalized.filter((label) => label.kind === "type" && label.category !== "other");
  const category = precedence.find((candidate) => typed.some((label) => label.category === candidate));
  const severity = severityRank.find((candidate) => normalized.some((label) => label.severity === candidate));
  const flags = labelFlags.filter((flag) => normalized.some((label) => label.flags.includes(flag)));
  const evidence = normalized
    .filter((label) => (category && label.category === category) || (severity && label.severity === severity))
    .map((label) => label.label);
  return {
    ...(category ? { category } : {}),
    ...(severity ? { severity } : {}),
    flags,
    evidence,
  };
}
