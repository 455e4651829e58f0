import { AppError } from "../errors";

/** The languages GlobaLLM knows, as typed on the command line → as GitHub names them. */
export const languages: Record<string, string> = {
  python: "Python",
  javascript: "JavaScript",
  typescript: "TypeScript",
  rust: "Rust",
  go: "Go",
  java: "Java",
  kotlin: "Kotlin",
  scala: "Scala",
  c: "C",
  cpp: "C++",
  csharp: "C#",
  ruby: "Ruby",
  php: "PHP",
  swift: "Swift",
  dart: "Dart",
  elixir: "Elixir",
  haskell: "Haskell",
  julia: "Julia",
  r: "R",
  lua: "Lua",
  perl: "Perl",
  shell: "Shell",
  zig: "Zig",
  ocaml: "OCaml",
  clojure: "Clojure",
  erlang: "Erlang",
};

const aliases: Record<string, string> = {
  "c++": "cpp",
  cplusplus: "cpp",
  "c#": "csharp",
  js: "javascript",
  ts: "typescript",
  golang: "go",
  py: "python",
  bash: "shell",
};

/** Resolves a language as a user typed it (any case, common aliases); unknown ones are usage errors. */
export function resolveLanguage(input: string): { key: string; github: string } {
  const lowered = input.trim().toLowerCase();
  const key = aliases[lowered] ?? lowered;
  const github = languages[key];
  if (!github) {
    throw new AppError("bad_request:cli", `Unknown language "${input}".`, {
      hint: `Known languages: ${Object.keys(languages).join(", ")}.`,
    });
  }
  return { key, github };
}

/** The key for a language as GitHub reports it (`C++` → `cpp`), or the lowercased name. */
export function languageKey(github: string | null | undefined): string | null {
  if (!github) return null;
  const entry = Object.entries(languages).find(([, name]) => name.toLowerCase() === github.toLowerCase());
  return entry ? entry[0] : github.toLowerCase();
}

/** A language as typed (`cpp`, `C#`, `golang`, or one we do not list) → GitHub's name in lower case. */
export function githubLanguageLower(input: string): string {
  const lowered = input.trim().toLowerCase();
  return (languages[aliases[lowered] ?? lowered] ?? lowered).toLowerCase();
}
