import { cleanDescription } from "./clean-text";
import { type Background, defaultBackground, Idf } from "./idf";
import { countTerms, normalizeInPlace, type SparseVector } from "./sparse-vector";
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
 * Built in place, map by map: at tens of thousands of issues the garbage collector is the cost.
 */
export function issueVectors(
  issues: readonly IssueText[],
  background: Background = defaultBackground,
): SparseVector[] {
  const counts = issues.map((issue) => ({
    title: countTerms(tokenize(issue.title)),
    body: issue.body ? countTerms(tokenize(issueBodyText(issue.body))) : new Map<string, number>(),
  }));
  const frequencies = new Map<string, number>();
  for (const { title, body } of counts) {
    for (const term of title.keys()) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
    for (const term of body.keys())
      if (!title.has(term)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  }
  const idf = new Idf(frequencies, issues.length, background);
  const weights = new Map<string, number>();
  const weightOf = (term: string) => {
    let weight = weights.get(term);
    if (weight === undefined) {
      weight = idf.weight(term);
      weights.set(term, weight);
    }
    return weight;
  };
  /** Sublinear TF-IDF in place; returns the vector's length. */
  const weigh = (vector: SparseVector) => {
    let squares = 0;
    for (const [term, count] of vector) {
      const weight = (1 + Math.log(count)) * weightOf(term);
      vector.set(term, weight);
      squares += weight * weight;
    }
    return Math.sqrt(squares);
  };
  return counts.map(({ title, body }) => {
    const titleLength = weigh(title);
    const bodyLength = weigh(body);
    // Title and body each as a unit vector, mixed by their shares, into the title's map.
    const titleScale = bodyLength === 0 ? 1 : TITLE_SHARE;
    const bodyScale = titleLength === 0 ? 1 : 1 - TITLE_SHARE;
    for (const [term, weight] of title) title.set(term, (weight / titleLength) * titleScale);
    for (const [term, weight] of body)
      title.set(term, (title.get(term) ?? 0) + (weight / bodyLength) * bodyScale);
    return normalizeInPlace(title);
  });
}
