import { stem } from "./stem";
import { stopwords } from "./stopwords";

/**
 * Spellings that mean one thing, joined before splitting so "command-line tool" and "CLI" or
 * "C++" and "cpp" meet. Only abbreviations and spelling variants belong here; words that are merely
 * related ("picture" and "image") are the concept lexicon's job (concepts.ts).
 */
const phrases: [RegExp, string][] = [
  [/\bc\+\+/g, " cpp "],
  [/\bc#/g, " csharp "],
  [/\bf#/g, " fsharp "],
  [/(^|\s)\.net\b/g, " dotnet "],
  [/\bnode\.?js\b/g, " nodejs "],
  [/\bvue\.?js\b/g, " vue "],
  [/\breact\.?js\b/g, " react "],
  [/\bnext\.?js\b/g, " nextjs "],
  [/\bi\/o\b/g, " io "],
  [/\bcommand[\s-]*line(\s+interfaces?)?\b/g, " cli "],
  [/\bgraphical\s+user\s+interfaces?\b/g, " gui "],
  [/\bmachine[\s-]+learning\b/g, " ml "],
  [/\bdeep[\s-]+learning\b/g, " deeplearning "],
  [/\bnatural[\s-]+language(\s+processing)?\b/g, " nlp "],
  [/\bcomputer[\s-]+vision\b/g, " computervision "],
  [/\bartificial[\s-]+intelligence\b/g, " ai "],
  [/\bregular[\s-]+expressions?\b/g, " regex "],
  [/\bobject[\s-]+relational[\s-]+(mapper|mapping)s?\b/g, " orm "],
  [/\breal[\s-]+time\b/g, " realtime "],
  [/\bfull[\s-]+text\b/g, " fulltext "],
  [/\bkey[\s-]+value\b/g, " keyvalue "],
  [/\bdata[\s-]+frames?\b/g, " dataframe "],
  [/\bweb[\s-]?sockets?\b/g, " websocket "],
  [/\be[\s-]mail\b/g, " email "],
  [/\bopen[\s-]+source\b/g, " "],
  [/\bend[\s-]+to[\s-]+end\b/g, " e2e "],
  [/\bstandard[\s-]+library\b/g, " stdlib "],
  [/\boperating[\s-]+systems?\b/g, " os "],
];

// All phrases in one pass: each alternative is wrapped in a group, and the replacer finds which
// matched by the group offsets (the phrases' own groups shift the numbering).
const phraseGroups = phrases.map(([pattern]) => new RegExp(`${pattern.source}|`).exec("")!.length - 1);
const phraseOffsets = phraseGroups.map((_, index) =>
  phraseGroups.slice(0, index).reduce((sum, groups) => sum + groups + 1, 1),
);
const anyPhrase = new RegExp(phrases.map(([pattern]) => `(${pattern.source})`).join("|"), "g");

function replacePhrases(text: string): string {
  return text.replace(anyPhrase, (...groups: unknown[]) => {
    const index = phraseOffsets.findIndex((offset) => groups[offset] !== undefined);
    return phrases[index]![1];
  });
}

/** After stemming: abbreviations and their long forms become one token. */
const aliases: Record<string, string> = {
  asynchron: "async",
  db: "databas",
  dbs: "databas",
  configurat: "config",
  configur: "config",
  conf: "config",
  cfg: "config",
  authenticat: "auth",
  authoriz: "authz",
  authoris: "authz",
  applicat: "app",
  lib: "library",
  doc: "documentat",
  docs: "documentat",
  document: "documentat",
  env: "environ",
  repo: "repository",
  regexp: "regex",
  k8s: "kubernetes",
  golang: "go",
  postgresql: "postgres",
  psql: "postgres",
  mongo: "mongodb",
  sqlite3: "sqlite",
  py: "python",
  python3: "python",
  python2: "python",
  stat: "statistic",
  statist: "statistic",
  viz: "visual",
  visualis: "visual",
  internationaliz: "i18n",
  internationalis: "i18n",
  localiz: "l10n",
  localis: "l10n",
  apis: "api",
  restful: "rest",
  mail: "email",
  websock: "websocket",
  cmd: "cli",
  cmdline: "cli",
  commandlin: "cli",
  img: "imag",
  perf: "performance",
  fs: "filesystem",
  ws: "websocket",
  js: "javascript",
  ts: "typescript",
};

/** Splits "HttpClient", "http_client" and "http-client" alike; for names and identifiers. */
export function splitIdentifier(text: string): string {
  return text
    .replace(/([a-z0-9])([A-Z])/g, "$1 $2")
    .replace(/([A-Z]+)([A-Z][a-z])/g, "$1 $2")
    .replace(/[-_.]+/g, " ");
}

// Tens of thousands of issues repeat the same few thousand words; stem each once.
const normalized = new Map<string, string>();

export function normalizeWord(word: string): string {
  let token = normalized.get(word);
  if (token === undefined) {
    const stemmed = stem(word);
    token = aliases[stemmed] ?? aliases[word] ?? stemmed;
    if (normalized.size > 200_000) normalized.clear();
    normalized.set(word, token);
  }
  return token;
}

/**
 * Lower-cased, phrase-normalised, stop-word-free, stemmed tokens. Numbers alone carry no topic
 * ("v2", "2024" do not), so tokens need a letter. With `surface`, records the first word seen for
 * each token, so that explanations can say "parser" rather than "pars".
 */
export function tokenize(text: string, surface?: Map<string, string>): string[] {
  const tokens: string[] = [];
  for (const word of replacePhrases(text.toLowerCase()).split(/[^a-z0-9]+/)) {
    if (word.length < 2 && word !== "r" && word !== "c") continue;
    if (stopwords.has(word) || !/[a-z]/.test(word)) continue;
    if (word.length > 30) continue; // hashes, base64, minified leftovers
    const token = normalizeWord(word);
    tokens.push(token);
    if (surface && !surface.has(token)) surface.set(token, word);
  }
  return tokens;
}
