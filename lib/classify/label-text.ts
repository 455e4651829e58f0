/**
 * Turns a label as spelled on GitHub (`:beetle: Bug`, `01 type: bug`, `kind/feature-request`, `bug 🐛`)
 * into lower-case words separated by single spaces, padded with a space at each end so that word
 * patterns can use plain spaces as boundaries (JavaScript's `\b` does not know non-ASCII letters).
 */

// Emoji whose meaning is unambiguous across projects; the rest (✨, ⚡, 🔥, …) mean different
// things in different repositories, so they are dropped rather than guessed at.
const emojiWords: [RegExp, string][] = [
  [/[🐛🐞🪲🐜]/gu, " bug "],
  [/[📖📚📘📗📙📕📝📄📃📑]/gu, " docs "],
  [/[❓❔]/gu, " question "],
  [/[🔒🔐🔓🛡]/gu, " security "],
  [/[🐎]/gu, " performance "],
  [/[♻]/gu, " refactor "],
  [/[🧪]/gu, " tests "],
];

const shortcodeWords: Record<string, string> = {
  bug: "bug",
  beetle: "bug",
  ladybug: "bug",
  lady_beetle: "bug",
  ant: "bug",
  book: "docs",
  books: "docs",
  memo: "docs",
  pencil: "docs",
  page_facing_up: "docs",
  scroll: "docs",
  notebook: "docs",
  ledger: "docs",
  question: "question",
  grey_question: "question",
  lock: "security",
  closed_lock_with_key: "security",
  shield: "security",
  racehorse: "performance",
  recycle: "refactor",
  test_tube: "tests",
  urgent: "urgent",
};

export interface LabelText {
  /** The label's words joined by single spaces, with one space before and after: ` type bug `. */
  padded: string;
  words: string[];
}

export function labelText(label: string): LabelText {
  // camelCase labels ("FeatureRequest") split into words before case is dropped.
  let text = label
    .normalize("NFKC")
    .replace(/(\p{Ll})(\p{Lu})/gu, "$1 $2")
    .toLowerCase();
  text = text.replace(/:([a-z0-9_+-]+):/g, (_, code: string) => ` ${shortcodeWords[code] ?? ""} `);
  for (const [pattern, word] of emojiWords) text = text.replace(pattern, word);
  // "won't fix" and "can't reproduce" keep their meaning as one token each.
  text = text.replace(/(\p{L})['’](\p{L})/gu, "$1$2");
  text = text.replace(/&/g, " and ");
  const words = text.split(/[^\p{L}\p{N}]+/u).filter((word) => word.length > 0);
  return { padded: ` ${words.join(" ")} `, words };
}

/**
 * A pattern over whole words of a padded label text. Alternatives are regular-expression sources
 * and may span several words (`feature request`) or use `\S*` for compounds (`feat\S*`).
 */
export function words(...alternatives: string[]): RegExp {
  return new RegExp(`(?<= )(?:${alternatives.join("|")})(?= )`, "u");
}
