import type { IssueCategory } from "../db/schema/issues";

/**
 * The categories the text model was not trained on, recognised from the title, where a reporter
 * names the kind of work (`Memory leak in …`, `Typo in README`, `Refactor the parser`). Only the
 * title: a body that mentions "slow" or "docs" in passing is still a bug report or a request.
 *
 * When several match, the first wins: security, performance, documentation, tests, refactor
 * (a "slow test" is about performance, an "insecure example in the docs" about security).
 */
export const keywordRules: { category: IssueCategory; title: RegExp }[] = [
  {
    category: "security",
    title:
      /\b(security|vulnerabilit(y|ies)|vulnerable|cve-\d{4}-\d+|xss|csrf|ssrf|sql injection|code injection|remote code execution|rce|privilege escalation|auth(entication)? bypass|exploit(able)?|insecure|sanitiz(e|ation))\b/i,
  },
  {
    category: "performance",
    title:
      /\b(performance|perf|slow(er|ness|ly|s)?|speed ?up|faster|latency|memory (leak|usage|consumption)|leaks? memory|high (cpu|memory)|cpu usage|takes (too |very )?long|bottleneck|throughput|optimi[sz](e|ation))\b/i,
  },
  {
    category: "documentation",
    title:
      /(^|\W)(\[?docs?\]?|documentation|readme|typos?|docstrings?|javadoc|jsdoc|tutorial|misspell(ed|ing)?|spelling|grammar|changelog|man ?page|api reference)(\W|$)/i,
  },
  {
    category: "tests",
    title:
      /\b((add|missing|more|improve|write|increase|need) (unit |integration |e2e |end-to-end )?tests?|test coverage|code coverage|flaky|flakiness|test (suite|harness|infrastructure))\b/i,
  },
  {
    category: "refactor",
    title:
      /\b(refactor(ing|s)?|clean ?up|tech(nical)? debt|code quality|simplify|restructure|reorgani[sz]e|dead code|unused code|lint(ing|er)?|code style|formatting|formatter|reformat\w*)\b/i,
  },
];

export function keywordCategory(title: string): IssueCategory | undefined {
  return keywordRules.find((rule) => rule.title.test(title))?.category;
}

/** "How do I …", "Is there a way …", "… ?": a question about performance is still a question. */
export function titleAsksAQuestion(title: string): boolean {
  return (
    /\?\s*$/.test(title) ||
    /^\s*(question\b|how\b|what\b|why\b|is there\b|is it possible\b|can i\b|can you\b|does\b)/i.test(title)
  );
}
