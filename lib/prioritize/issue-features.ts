import type { IssueCategory, IssueSeverity } from "../db/schema";

export interface IssueFeatureInput {
  title: string;
  body: string | null;
  labels: string[];
  category: IssueCategory | null;
  severity: IssueSeverity | null;
  comments: number;
  createdAt: Date | null;
  updatedAt: Date | null;
}

export interface IssueFeatures {
  /** How likely an agent can produce a tested fix (clear report, bounded scope). */
  solvability: number;
  /** How much it matters that this is fixed soon (severity, security, crashes, data loss). */
  urgency: number;
  /** Lint, formatting, typo or style-only work. */
  lowValue: boolean;
  reasons: { solvability: string; urgency: string; lowValue?: string };
}

const DAY = 86_400_000;

// Words that make an issue urgent whatever its labels say: the seed's "security, crash, data loss,
// regression rank high".
const urgentPatterns: [RegExp, string, number][] = [
  [
    /\b(cve-\d{4}-\d+|vulnerab\w*|security|exploit\w*|rce|xss|csrf|ssrf|injection|privilege escalation|denial of service|dos attack)\b/i,
    "security",
    0.95,
  ],
  [/\b(data loss|lose[sd]? (data|files|work)|corrupt\w*|wipes?|deleted my)\b/i, "data loss", 0.92],
  [
    /\b(crash\w*|segfault|segmentation fault|panic\w*|core dump|abort(ed|s)?|fatal error|hangs?|deadlock\w*|freez\w*)\b/i,
    "crash",
    0.85,
  ],
  [
    /\b(regression|no longer works|stopped working|broke (in|after|since)|worked in|after upgrad\w*)\b/i,
    "regression",
    0.8,
  ],
];

const lowValuePattern =
  /\b(typo\w*|spelling|misspell\w*|whitespace|trailing spaces?|indentation|formatting|formatter|reformat\w*|format code|rustfmt|gofmt|clang-format|code style|style(-| )?only|lint(er|ing)?|eslint|prettier|black|flake8|pylint|rubocop|clippy warnings?|cosmetic|rename variable|grammar|wording|punctuation|capitali[sz]ation)\b/i;

const severityUrgency: Record<IssueSeverity, number> = { critical: 1, high: 0.8, medium: 0.5, low: 0.25 };
const categoryUrgency: Record<IssueCategory, number> = {
  security: 0.95,
  bug: 0.6,
  performance: 0.55,
  feature: 0.35,
  tests: 0.3,
  documentation: 0.25,
  refactor: 0.25,
  other: 0.3,
  question: 0.15,
};
const categorySolvability: Record<IssueCategory, number> = {
  documentation: 0.75,
  tests: 0.7,
  bug: 0.6,
  performance: 0.5,
  refactor: 0.5,
  security: 0.5,
  feature: 0.4,
  other: 0.4,
  question: 0.2,
};

function clamp(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/** Computed once per issue when it is fetched or re-categorized; prioritization combines them. */
export function issueFeatures(issue: IssueFeatureInput, now = new Date()): IssueFeatures {
  const text = `${issue.title}\n${issue.body ?? ""}`;
  const labels = issue.labels.join(" ").toLowerCase();
  const category = issue.category ?? "other";

  let urgency = issue.severity ? severityUrgency[issue.severity] : categoryUrgency[category];
  let urgencyWhy = issue.severity ? `${issue.severity} severity` : `a ${category} issue`;
  for (const [pattern, what, floor] of urgentPatterns) {
    if (
      (pattern.test(issue.title) || pattern.test(labels) || pattern.test(text.slice(0, 4000))) &&
      floor > urgency
    ) {
      urgency = floor;
      urgencyWhy =
        what === "security"
          ? "a security problem"
          : what === "data loss"
            ? "risk of data loss"
            : what === "crash"
              ? "a crash or hang"
              : "a regression";
      break;
    }
  }
  // Attention from users: many comments mean many people hit it (log-scaled, small weight).
  const engagement = Math.min(1, Math.log1p(issue.comments) / Math.log1p(30));
  const idleDays = issue.updatedAt ? (now.getTime() - issue.updatedAt.getTime()) / DAY : null;
  // Engagement only adds; the floors set by severity and urgent words are never diluted.
  urgency = clamp(
    Math.max(urgency, urgency * 0.85 + engagement * 0.15) - (idleDays !== null && idleDays > 730 ? 0.1 : 0),
  );

  // Each clue moves solvability up or down and is named in the reason.
  const clues: [boolean, number, string][] = [
    [/```|^( {4}|\t)\S/m.test(issue.body ?? ""), 0.1, "code in the report"],
    [
      /\b(steps to reproduce|to reproduce|repro(duction)?|minimal example|mcve)\b/i.test(text),
      0.1,
      "reproduction steps",
    ],
    [/\b(traceback|stack ?trace|exception|at \S+\(\S+:\d+\)|line \d+)\b/i.test(text), 0.05, "a stack trace"],
    [/\b(expected (behaviou?r|result)|actual (behaviou?r|result))\b/i.test(text), 0.05, "expected vs actual"],
    [
      /good first issue|good-first-issue|easy|beginner|starter|help wanted|help-wanted|low-hanging/.test(
        labels,
      ),
      0.15,
      "labelled easy/help wanted",
    ],
    [
      /needs? (design|discussion|decision|info|more info|triage)|discussion|rfc|proposal|blocked|on hold|wontfix|won't fix|invalid/.test(
        labels,
      ),
      -0.25,
      "labelled as needing a decision",
    ],
    [(issue.body ?? "").trim().length < 40, -0.15, "almost no description"],
    [issue.comments > 40, -0.15, `a long discussion (${issue.comments} comments)`],
  ];
  let solvability = categorySolvability[category];
  const plus: string[] = [];
  const minus: string[] = [];
  for (const [present, delta, why] of clues) {
    if (!present) continue;
    solvability += delta;
    (delta > 0 ? plus : minus).push(why);
  }
  solvability = clamp(solvability);

  const lowValue =
    urgency < 0.8 &&
    (lowValuePattern.test(issue.title) || /\b(typo|style|lint|format|cosmetic)\b/.test(labels));
  return {
    solvability,
    urgency,
    lowValue,
    reasons: {
      solvability: `${category[0]!.toUpperCase()}${category.slice(1)} issue${plus.length ? ` with ${plus.join(", ")}` : ""}${minus.length ? `${plus.length ? "; but" : ";"} ${minus.join(", ")}` : ""}.`,
      urgency: `Urgency from ${urgencyWhy}${issue.comments ? ` and ${issue.comments} comment${issue.comments === 1 ? "" : "s"}` : ""}.`,
      ...(lowValue ? { lowValue: "Lint, formatting, typo or style-only work." } : {}),
    },
  };
}
