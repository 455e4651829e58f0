import { words } from "./label-text";

/** Kinds of work that are real but none of our categories: an epic, a breaking change. */
export const otherKindWords = words(
  "epics?",
  "breaking( changes?)?",
  "break change",
  "breakingchange",
  "announcements?",
);

/** The same, but only when they stand alone (`task` is a kind, `easy task` a size, `pr open` a state). */
export const weakOtherKindWords = words(
  "tasks?",
  "pull ?requests?",
  "pr",
  "info",
  "information\\S*",
  "notice",
  "research",
  "other",
  "misc\\S*",
  "changes?",
  "meta",
  "debug\\S*",
  "hack",
  "follow ?ups?",
  "solutions?",
);

/** Prefixes and filler that say nothing by themselves: `type`, `kind`, `t`, `01`, `new`, `user`. */
export const fillerWords = new RegExp(
  `(?<= )(?:${[
    "types?",
    "kind",
    "categor(y|ies)",
    "cat",
    "class",
    "tag",
    "labels?",
    "is",
    "issues?",
    "issue type",
    "itype",
    "tt",
    "tp",
    "[a-z]",
    "[a-z]?\\d+[a-z]?",
    "an",
    "the",
    "new",
    "users?",
    "report",
    "general",
    "or",
    "and",
  ].join("|")})(?= )`,
  "gu",
);
