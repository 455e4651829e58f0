import { cleanDescription } from "./clean-text";
import { type Background, defaultBackground, documentFrequencies, Idf } from "./idf";
import { addScaled, countTerms, normalize, type SparseVector } from "./sparse-vector";
import { tokenize } from "./tokenize";

export interface IssueText {
  id: string | number;
  /** OWNER/REPO. */
  repository: string;
  title: string;
  body?: string | null;
}

// The title is the reporter's summary of the problem; the body adds detail and template noise.
const TITLE_SHARE = 0.6;
// Bodies can be whole logs; the problem is stated near the top.
const BODY_CHARACTERS = 4000;

/**
 * Unlike a README, an issue's code blocks are often the best part (the error message, the stack
 * trace), so they stay; HTML comments (issue templates' instructions), links and images go.
 */
function issueBodyText(body: string): string {
  return cleanDescription(body.slice(0, BODY_CHARACTERS).replace(/<!--[\s\S]*?(-->|$)/g, " "));
}

/**
 * Unit TF-IDF vectors of issues. IDF comes from the issues themselves plus the background, so
 * each repository's template headings ("steps to reproduce", "expected behavior") weigh little.
 */
export function issueVectors(
  issues: readonly IssueText[],
  background: Background = defaultBackground,
): SparseVector[] {
  const tokens = issues.map((issue) => ({
    title: tokenize(issue.title),
    body: issue.body ? tokenize(issueBodyText(issue.body)) : [],
  }));
  const idf = new Idf(
    documentFrequencies(tokens.map((t) => [...t.title, ...t.body])),
    issues.length,
    background,
  );
  const weights = new Map<string, number>();
  const weightOf = (term: string) => {
    let weight = weights.get(term);
    if (weight === undefined) {
      weight = idf.weight(term);
      weights.set(term, weight);
    }
    return weight;
  };
  const weigh = (words: string[]) => {
    const vector = countTerms(words);
    for (const [term, count] of vector) vector.set(term, (1 + Math.log(count)) * weightOf(term));
    return normalize(vector);
  };
  return tokens.map(({ title, body }) => {
    const titleVector = weigh(title);
    const bodyVector = weigh(body);
    if (titleVector.size === 0) return bodyVector;
    if (bodyVector.size === 0) return titleVector;
    return normalize(addScaled(titleVector, TITLE_SHARE, bodyVector, 1 - TITLE_SHARE));
  });
}
