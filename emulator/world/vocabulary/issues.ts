/**
 * Issue titles, bodies and label spellings. Each repository speaks one label "dialect" the way real
 * projects do (GitHub defaults, `type: bug`, Kubernetes' `kind/bug`, Rust's `C-bug`, emoji labels),
 * so label normalisation in GlobaLLM is exercised on real-world spellings.
 */
export type IssueKind =
  | "bug"
  | "crash"
  | "regression"
  | "feature"
  | "documentation"
  | "performance"
  | "security"
  | "question"
  | "refactor"
  | "tests"
  | "style";

// biome-ignore format: word lists read best packed
export const issueKindWeights: [IssueKind, number][] = [
  ["bug", 30], ["crash", 5], ["regression", 4], ["feature", 22], ["documentation", 10], ["performance", 6],
  ["security", 3], ["question", 9], ["refactor", 4], ["tests", 3], ["style", 4],
];

/** {thing} is a domain noun, {fn} a function-like identifier, {version} a release. */
// biome-ignore format: word lists read best packed
export const issueTitles: Record<IssueKind, string[]> = {
  bug: [
    "{fn}() returns wrong result when input is empty",
    "Unexpected behaviour in {thing} after upgrading to {version}", "{fn} ignores the timeout option",
    "Off-by-one error in {fn} pagination", "Unicode characters are mangled by {fn}",
    "Config file is not picked up on Windows",
  ],
  crash: [
    "Segfault in {fn} with large inputs", "Panic: index out of range in {fn}", "Crash on startup since {version}",
    "Unhandled exception when {thing} is closed twice",
  ],
  regression: [
    "Regression in {version}: {fn} is much slower", "{version} broke {fn} for existing users",
    "Regression: data loss when {fn} is interrupted",
  ],
  feature: [
    "Add support for async {fn}", "Feature request: streaming API for {thing}", "Allow configuring retries in {fn}",
    "Support Python 3.13 / Node 22", "Expose {fn} as a public API", "Add a plugin system to {thing}",
  ],
  documentation: [
    "Docs: example for {fn} is outdated", "Document the {fn} options", "README installation instructions are wrong",
    "Add a migration guide for {version}",
  ],
  performance: [
    "{fn} allocates too much memory", "Slow startup time with many {thing}s", "Quadratic behaviour in {fn}",
  ],
  security: [
    "Potential path traversal in {fn}", "Denial of service via crafted input to {fn}",
    "Dependency with known CVE pulled in by {thing}",
  ],
  question: [
    "How do I use {fn} with a custom {thing}?", "Is {thing} thread-safe?",
    "Question: difference between {fn} and the old API",
  ],
  refactor: [
    "Refactor {fn} into smaller modules", "Remove deprecated {fn} code paths", "Clean up the {thing} internals",
  ],
  tests: ["Flaky test in {fn}_test", "Add integration tests for {thing}", "Increase test coverage of {fn}"],
  style: [
    "Fix typo in {fn} docstring", "Run the formatter on {thing} sources", "Lint: unused imports in {fn}",
  ],
};

// biome-ignore format: word lists read best packed
export const issueBodies: Record<IssueKind, string> = {
  bug: "### Describe the bug\n{fn}() behaves unexpectedly.\n\n### To reproduce\n```\n{fn}(options)\n```\n\n### Expected behaviour\nIt should work like in {version}.\n\n### Environment\n- OS: Ubuntu 22.04\n- Version: {version}\n",
  crash:
    "The process crashes with the following trace:\n\n```\nfatal error in {fn}\n  at {thing}.run\n```\n\nSteps: call {fn} with a large payload. Happens every time on {version}.\n",
  regression:
    "After upgrading to {version}, {fn} no longer works as before. Downgrading fixes it.\n\nThis worked in the previous release.",
  feature:
    "**Is your feature request related to a problem?**\nI would like {fn} to support more use cases.\n\n**Describe the solution you'd like**\nA new option on {thing}.\n",
  documentation: "The documentation for {fn} does not match the current behaviour of {version}.",
  performance:
    "Profiling shows {fn} dominating the run time with many {thing}s. A benchmark is attached below.",
  security:
    "I believe {fn} can be abused with crafted input. I can share details privately with the maintainers.",
  question: "I could not find this in the docs. How should {fn} be used together with {thing}?",
  refactor: "{fn} has grown large; splitting it would make {thing} easier to maintain.",
  tests: "The test for {fn} fails intermittently on CI.",
  style: "Minor cleanup: {fn} has a typo / formatting issue.",
};

/** Label spellings per dialect; a kind missing from a dialect gets no kind label. */
export interface LabelDialect {
  name: string;
  kinds: Partial<Record<IssueKind, string>>;
  extras: { goodFirstIssue: string | null; helpWanted: string | null; priorities: string[] };
}

// biome-ignore format: word lists read best packed
export const labelDialects: LabelDialect[] = [
  {
    name: "github-default",
    kinds: {
      bug: "bug",
      crash: "bug",
      regression: "bug",
      feature: "enhancement",
      documentation: "documentation",
      question: "question",
      security: "security",
      performance: "performance",
    },
    extras: { goodFirstIssue: "good first issue", helpWanted: "help wanted", priorities: [] },
  },
  {
    name: "type-prefix",
    kinds: {
      bug: "type: bug",
      crash: "type: bug",
      regression: "type: regression",
      feature: "type: feature",
      documentation: "type: docs",
      question: "type: question",
      performance: "type: performance",
      security: "type: security",
      refactor: "type: refactor",
      tests: "type: tests",
      style: "type: chore",
    },
    extras: {
      goodFirstIssue: "good first issue",
      helpWanted: "status: help wanted",
      priorities: ["priority: high", "priority: medium", "priority: low"],
    },
  },
  {
    name: "kubernetes",
    kinds: {
      bug: "kind/bug",
      crash: "kind/bug",
      regression: "kind/regression",
      feature: "kind/feature",
      documentation: "kind/documentation",
      question: "kind/support",
      performance: "kind/performance",
      security: "area/security",
      refactor: "kind/cleanup",
      tests: "kind/flake",
      style: "kind/cleanup",
    },
    extras: {
      goodFirstIssue: "good first issue",
      helpWanted: "help wanted",
      priorities: ["priority/critical-urgent", "priority/important-soon", "priority/backlog"],
    },
  },
  {
    name: "rust",
    kinds: {
      bug: "C-bug",
      crash: "I-crash",
      regression: "regression-from-stable-to-stable",
      feature: "C-feature-request",
      documentation: "A-docs",
      question: "C-discussion",
      performance: "I-slow",
      security: "I-unsound",
      refactor: "C-cleanup",
      tests: "A-testsuite",
      style: "C-cleanup",
    },
    extras: {
      goodFirstIssue: "E-easy",
      helpWanted: "E-help-wanted",
      priorities: ["P-high", "P-medium", "P-low"],
    },
  },
  {
    name: "emoji",
    kinds: {
      bug: "bug 🐛",
      crash: "bug 🐛",
      regression: "bug 🐛",
      feature: "enhancement ✨",
      documentation: "docs 📝",
      question: "question ❓",
      performance: "performance ⚡",
      security: "security 🔒",
      style: "chore 🧹",
    },
    extras: { goodFirstIssue: "good first issue", helpWanted: "help wanted", priorities: ["P1", "P2", "P3"] },
  },
  {
    name: "terse",
    kinds: {
      bug: "Bug",
      crash: "crash",
      regression: "Regression",
      feature: "Feature",
      documentation: "Docs",
      question: "Question",
      performance: "perf",
      refactor: "refactoring",
      tests: "testing",
    },
    extras: {
      goodFirstIssue: "beginner friendly",
      helpWanted: "help wanted",
      priorities: ["P0", "P1", "P2"],
    },
  },
];

// biome-ignore format: word lists read best packed
export const commitMessages = [
  "Fix {fn} edge case", "Add tests for {fn}", "Bump dependencies", "Update README", "Refactor {thing} internals",
  "Improve error message in {fn}", "Release {version}", "Merge pull request #{n} from {login}/patch-1",
  "docs: clarify {fn} options", "ci: cache dependencies", "perf: speed up {fn}", "chore: format sources",
];

// biome-ignore format: word lists read best packed
export const functionNames = [
  "parse", "load", "connect", "render", "encode", "decode", "fetch", "resolve", "compile", "serialize", "validate",
  "dispatch", "schedule", "stream", "tokenize", "train", "predict", "query", "sign", "verify", "deploy", "watch",
];
