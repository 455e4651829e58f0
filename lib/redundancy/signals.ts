import type { Profile } from "./profile";
import { cosine } from "./sparse-vector";

/** Each signal in 0..1; `topics` is null when either project has no topics. */
export interface SimilaritySignals {
  text: number;
  concepts: number;
  name: number;
  topics: number | null;
}

function trigrams(name: string): Set<string> {
  const padded = `  ${name} `;
  const grams = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) grams.add(padded.slice(i, i + 3));
  return grams;
}

/**
 * Dice coefficient of character trigrams: "pyyaml" / "ruamel.yaml" and "requests" /
 * "requests-html" share most of their letters even when they share no whole word.
 */
export function nameSimilarity(a: string, b: string): number {
  if (!a || !b) return 0;
  if (a === b) return 1;
  const left = trigrams(a);
  const right = trigrams(b);
  let shared = 0;
  for (const gram of left) if (right.has(gram)) shared += 1;
  return (2 * shared) / (left.size + right.size);
}

export function topicSimilarity(a: ReadonlySet<string> | null, b: ReadonlySet<string> | null): number | null {
  if (!a || !b) return null;
  let shared = 0;
  for (const topic of a) if (b.has(topic)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export function signalsOf(a: Profile, b: Profile): SimilaritySignals {
  return {
    text: cosine(a.text, b.text),
    concepts: cosine(a.concepts, b.concepts),
    name: nameSimilarity(a.name, b.name),
    topics: topicSimilarity(a.topics, b.topics),
  };
}
