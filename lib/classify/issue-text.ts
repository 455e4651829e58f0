import { normalizeLabel } from "./labels";

/**
 * Reads an issue's markdown the way a triager skims it: what the title says, what the prose says,
 * and what shape the report has (a stack trace, code, "expected / actual behaviour", a question),
 * without the noise of templates, links, logs and checklists.
 */
export interface IssueText {
  title: string[];
  body: string[];
  /** Every word of title and body as written, logs and code included: they carry signal too. */
  raw: string[];
  /** Shape cues such as `stacktrace`, `codeblock`, `expected-actual`, `declared-bug`. */
  cues: string[];
}

// Forms print the chosen type: "Type: <b>Bug</b>" (VS Code), "### Issue type\n\nBug" (TensorFlow).
const declaredType = [
  /type:\s*<b>([^<]{1,40})<\/b>/i,
  /#{2,4}\s*(?:issue|bug|request)?\s*type\s*\n+\s*([^\n#]{1,40})/i,
  /<!--[^>]*?\b(bug_report|feature_request|question|support|documentation)[\w-]*?_?template/i,
  // React's old form: "**Do you want to request a *feature* or report a *bug*?** Feature".
  /request an? \W*feature\W* or report an? \W*bug\W*\?\W*\s*([^\n]{1,40})/i,
];

// "Question: …", "[Feature Request] …", "[DevTools Bug]: …", "Bug - …": the reporter's own verdict.
const titlePrefix = /^\s*(?:\[([^\]]{1,40})\]|([\p{L} ()-]{1,30})(?::|\s-\s))/u;

const stackTrace = [
  /^\s+at [\w$.<>[\]]+ ?\(?[^\n]*:\d+(:\d+)?\)?$/m, // JavaScript, Java
  /Traceback \(most recent call last\)/,
  /^\s*File "[^"]+", line \d+/m, // Python
  /^\s*#\d+\s+0x[0-9a-f]+/im, // gdb / native backtraces
  /panicked at|Segmentation fault|core dumped|SIGSEGV|SIGABRT/,
  /Exception in thread|\bat [\w.$]+\([\w]+\.java:\d+\)/,
];

const cuePatterns: [string, RegExp][] = [
  [
    "error-words",
    /\b(error|exception|fails?|failed|failing|crash(es|ed)?|broken|segfault|undefined is not)\b/i,
  ],
  ["expected-actual", /\b(expected|actual|current|observed)\s+(behaviou?r|result|outcome)/i],
  [
    "repro-steps",
    /\b(steps to reproduce|repro(duction)? steps|to reproduce|how to reproduce|minimal (reproducible )?example)\b/i,
  ],
  [
    "feature-ask",
    /\b(feature request|would be (nice|great|useful|helpful)|it would be|add (support|an? option)|support for|proposal|proposed|suggest(ion)?|could we|allow (users|us) to|ability to)\b/i,
  ],
  [
    "problem-statement",
    /\b(is your feature request related|describe the solution|alternatives? (you'?ve )?considered|motivation)\b/i,
  ],
  [
    "question-phrasing",
    /\b(how (do|can|to|should|would) (i|we|you)?|is (it|there) (a way|possible)|what is the|why (does|is|do)|any (idea|suggestion|help)|please help|can (someone|anyone)|i('m| am) (new|trying to)|does anyone|am i)\b/i,
  ],
  ["version", /\bv?\d+\.\d+(\.\d+)+\b/],
  [
    "pull-request",
    /\b(this pr|this pull request|fixes #\d+|closes #\d+|pull request readiness|changes proposed)\b/i,
  ],
  ["screenshot", /!\[[^\]]*\]\(|<img\s/i],
];

// Long logs add little after the first few hundred words and cost time on 200 kB bodies.
const maxWords = 1500;

export function issueText(title: string, body: string | null | undefined): IssueText {
  const raw = body ?? "";
  const cues: string[] = [];
  for (const pattern of declaredType) {
    const declared = pattern.exec(raw)?.[1];
    const category = declared ? normalizeLabel(declared.replace(/_/g, " ")).category : undefined;
    if (category && category !== "other") {
      cues.push(`declared-${category}`);
      break;
    }
  }
  const prefix = titlePrefix.exec(title);
  const titled = prefix ? normalizeLabel(prefix[1] ?? prefix[2] ?? "").category : undefined;
  if (titled && titled !== "other") cues.push(`title-${titled}`);
  if (stackTrace.some((pattern) => pattern.test(raw))) cues.push("stacktrace");
  if (/```|~~~|^( {4}|\t)\S/m.test(raw)) cues.push("codeblock");
  for (const [cue, pattern] of cuePatterns) if (pattern.test(`${title}\n${raw}`)) cues.push(cue);
  if (/\?\s*$/.test(title.trim())) cues.push("title-question-mark");
  if (/^\s*(how|what|why|is|are|can|could|does|do|should|where|which|when)\b/i.test(title))
    cues.push("title-wh");
  cues.push(`length-${raw.length < 200 ? "short" : raw.length < 2000 ? "medium" : "long"}`);
  return {
    title: words(title),
    body: words(prose(raw)).slice(0, maxWords),
    raw: words(`${title}\n${raw}`).slice(0, maxWords),
    cues,
  };
}

/** The prose of a markdown body: no comments, code, logs, links, tables, checklists or form filler. */
export function prose(markdown: string): string {
  return markdown
    .replace(/<!--[\s\S]*?(-->|$)/g, " ")
    .replace(/(```|~~~)[\s\S]*?(\1|$)/g, " ")
    .replace(/<details>[\s\S]*?(<\/details>|$)/gi, " ")
    .replace(/^( {4}|\t).*$/gm, " ")
    .replace(/^\s*at .*$/gm, " ")
    .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/^\s*[-*]\s*\[[ xX]\].*$/gm, " ")
    .replace(/^\|.*\|\s*$/gm, " ")
    .replace(/_No response_/g, " ")
    .replace(/<[^>]+>/g, " ");
}

/** Lower-case words of two or more letters; numbers, hashes and punctuation are dropped. */
export function words(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[’']/g, "")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((word) => word.length > 1 && word.length < 30 && !/^\d|[0-9a-f]{8,}/.test(word));
}
