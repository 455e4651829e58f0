import { issueText } from "./issue-text";

/**
 * An issue as named features and counts. The first letter of a name is its block, so each block
 * can be normalised and weighted on its own (a long body must not drown a telling title):
 *   t  title words and word pairs       c  character 2–5-grams of title words
 *   b  prose words and word pairs        d  character 3–5-grams of prose words
 *   r  every word and pair, logs too     q  shape cues (stack trace, question phrasing, …)
 */
export type FeatureCounts = Map<string, number>;

export const featureBlocks = ["t", "b", "c", "d", "r", "q"] as const;
export type FeatureBlock = (typeof featureBlocks)[number];

export interface FeatureOptions {
  /** Prose words kept for the `b` and `d` blocks; the start of a report says what it is. */
  bodyWords: number;
}

export function issueFeatures(
  title: string,
  body: string | null | undefined,
  options: FeatureOptions,
): FeatureCounts {
  const text = issueText(title, body);
  const counts: FeatureCounts = new Map();
  const add = (name: string) => counts.set(name, (counts.get(name) ?? 0) + 1);
  const prose = text.body.slice(0, options.bodyWords);
  wordsAndPairs(text.title, "t:", add);
  // How a title starts says much: "Add …", "Allow …", "How to …", "Why does …", "Crash when …".
  const opening = text.title.filter((word) => !/^(bug|feature|question|request|devtools)$/.test(word));
  if (opening[0]) add(`t:^${opening[0]}`);
  wordsAndPairs(prose, "b:", add);
  wordsAndPairs(text.raw, "r:", add);
  for (const word of text.title) characterGrams(word, 2, "c:", add);
  for (const word of prose) characterGrams(word, 3, "d:", add);
  for (const cue of text.cues) counts.set(`q:${cue}`, 1);
  return counts;
}

function wordsAndPairs(words: string[], prefix: string, add: (name: string) => void): void {
  for (let i = 0; i < words.length; i++) {
    add(prefix + words[i]);
    if (i + 1 < words.length) add(`${prefix}${words[i]} ${words[i + 1]}`);
  }
}

/** Character n-grams within one word padded by spaces, so `crash` matches `crashes` and `crashed`. */
function characterGrams(word: string, shortest: number, prefix: string, add: (name: string) => void): void {
  const padded = ` ${word} `;
  for (let n = shortest; n <= 5; n++)
    for (let i = 0; i + n <= padded.length; i++) add(prefix + padded.slice(i, i + n));
}
