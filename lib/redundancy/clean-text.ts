/**
 * Turns a README (Markdown, reStructuredText or HTML-in-Markdown) into the prose that says what the
 * project is for. What every README has regardless of purpose — badges, install commands, licence,
 * contributing, changelog, sponsors, code — would otherwise make any two projects look alike.
 */

// Sections whose heading says they are boilerplate; dropped up to the next heading of the same level.
const boilerplateHeading =
  /^(table of contents|contents|toc|install(ation|ing)?|setup|getting started|quick ?start|requirements|prerequisites|dependencies|building|build(ing)? from source|development|developing|running (the )?tests|tests?|testing|contribut(e|ing|ors?|ion|ions)|how to contribute|code of conduct|licen[cs]e|licen[cs]ing|copyright|authors?|maintainers?|team|credits|acknowledge?ments?|thanks|special thanks|sponsors?|backers|supporters|donat(e|ions?)|funding|support( us)?|changelog|change ?log|changes|release notes|history|news|citation|citing|cite|how to cite|security( policy)?|reporting (bugs|issues|security issues)|community|contact|chat|discussion|social|star history|stargazers|related projects|see also|links|badges|faq|frequently asked questions)\b/i;

const commandLine =
  /^\s*(\$|>>>|#\s|%\s|pip3?\s+install|python3? -m pip|poetry add|pipenv install|conda install|npm\s+(i|install)\b|yarn add|pnpm add|bun add|cargo (add|install)|go (get|install)|gem install|bundle add|brew install|apt(-get)? install|dotnet add|composer require|docker (run|pull|compose)|git clone|curl |wget )/i;

function stripHtml(text: string): string {
  if (!text.includes("<") && !text.includes("&")) return text;
  return text
    .replace(/<!--[\s\S]*?-->/g, " ")
    .replace(/<(script|style|pre|code|svg)\b[\s\S]*?<\/\1>/gi, " ")
    .replace(/<img\b[^>]*>/gi, " ")
    .replace(/<\/?[a-z][a-z0-9-]*\b[^>]*>/gi, " ")
    .replace(/&(nbsp|amp|lt|gt|quot|#39|#x27|apos);/g, (entity) => htmlEntities[entity] ?? " ");
}

const htmlEntities: Record<string, string> = {
  "&nbsp;": " ",
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
  "&#x27;": "'",
  "&apos;": "'",
};

// Each rewrite runs only when its marker character is there: issue bodies at the scale of tens of
// thousands go through this, and most lines have no link, badge or address at all.
function stripInlineMarkdown(line: string): string {
  let text = line;
  if (text.includes("[")) {
    text = text
      // badges and images: [![alt](img)](link), ![alt](img), ![alt][ref]
      .replace(/\[!\[[^\]]*\]\([^)]*\)\]\([^)]*\)/g, " ")
      .replace(/\[!\[[^\]]*\]\[[^\]]*\]\]\[[^\]]*\]/g, " ")
      .replace(/!\[[^\]]*\]\([^)]*\)/g, " ")
      .replace(/!\[[^\]]*\]\[[^\]]*\]/g, " ")
      // links keep their text: [text](url), [text][ref]
      .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
      .replace(/\[([^\]]*)\]\[[^\]]*\]/g, "$1");
  }
  // reStructuredText links: `text <url>`_
  if (text.includes("`_")) text = text.replace(/`([^`<]+)<[^>]+>`_{1,2}/g, "$1");
  if (text.includes("://")) text = text.replace(/\bhttps?:\/\/\S+/g, " ");
  if (text.includes("www.")) text = text.replace(/\bwww\.\S+/g, " ");
  if (text.includes("@")) text = text.replace(/[\w.+-]+@[\w-]+\.[\w.-]+/g, " ");
  // emoji shortcodes
  if (text.includes(":")) text = text.replace(/:[a-z0-9_+-]+:/g, " ");
  return text.replace(/[*_~`|>#=]+/g, " ");
}

interface Section {
  level: number;
  drop: boolean;
}

/** The prose of a README with code, markup and boilerplate sections removed. */
export function cleanReadme(text: string): string {
  const lines = stripHtml(text.replace(/\r\n?/g, "\n")).split("\n");
  const kept: string[] = [];
  let fence: string | null = null;
  let rstDirective = false;
  let dropping: Section | null = null;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const next = lines[i + 1] ?? "";
    const fenceMatch = /^\s*(```+|~~~+)/.exec(line);
    if (fence) {
      if (fenceMatch && fenceMatch[1]!.startsWith(fence)) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1]!;
      continue;
    }
    // reStructuredText directives (`.. image::`, `.. code-block::`) and their indented bodies.
    if (/^\.\.\s/.test(line)) {
      rstDirective = true;
      continue;
    }
    if (rstDirective) {
      if (line.trim() === "" || /^\s+/.test(line)) continue;
      rstDirective = false;
    }
    const heading = headingOf(line, next);
    if (heading) {
      if (dropping && heading.level > dropping.level) continue;
      dropping = boilerplateHeading.test(heading.text.trim()) ? { level: heading.level, drop: true } : null;
      if (!dropping) kept.push(heading.text);
      if (heading.underlined) i += 1;
      continue;
    }
    if (dropping) continue;
    // Indented code (four spaces or a tab) that is not a nested list item.
    if (/^( {4}|\t)/.test(line) && !/^\s*([-*+]|\d+[.)])\s/.test(line)) continue;
    if (commandLine.test(line)) continue;
    if (/^\s*\[[^\]]+\]:\s*\S+/.test(line)) continue; // link reference definitions
    kept.push(stripInlineMarkdown(line));
  }
  return kept
    .join("\n")
    .replace(/[ \t]+/g, " ")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** A description is one line of Markdown at most; links and badges still happen. */
export function cleanDescription(text: string): string {
  return stripInlineMarkdown(stripHtml(text)).replace(/\s+/g, " ").trim();
}

function headingOf(
  line: string,
  next: string,
): { level: number; text: string; underlined: boolean } | undefined {
  const atx = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/.exec(line);
  if (atx) return { level: atx[1]!.length, text: stripInlineMarkdown(atx[2]!), underlined: false };
  // Setext (Markdown) and reStructuredText headings: a line of text underlined with = - ~ ^ or *.
  if (line.trim() && /^\s*([=\-~^*])\1{2,}\s*$/.test(next) && !/^\s*[-*+]\s/.test(line)) {
    const level = next.trim()[0] === "=" ? 1 : 2;
    return { level, text: stripInlineMarkdown(line), underlined: true };
  }
  return undefined;
}
