import { conceptPrefix } from "./concept-vector";
import type { Profile } from "./profile";
import { type SimilaritySignals, signalsOf } from "./signals";

/**
 * How much each signal can say on its own that two projects serve the same purpose. The signals
 * are combined as independent pieces of evidence (a noisy-OR):
 *
 *   similarity = 1 − (1 − text) · (1 − 0.6·concepts) · (1 − 0.4·topics) · (1 − 0.15·name)
 *
 * - text (TF-IDF cosine of README + description) goes up to 1 by itself: two projects whose
 *   cleaned READMEs say the same things are redundant whatever else differs.
 * - concepts (the keyword signal: shared software concepts such as "HTTP client" or "testing")
 *   caps at 0.6: being in the same field is not yet doing the same job, so without some shared
 *   wording a pair stays below the default threshold 0.7.
 * - topics (GitHub topics, Jaccard) caps at 0.4: maintainers' own labels, but coarse ones.
 * - name (character trigrams) caps at 0.15: a shared name hints at a port or fork, yet plugins
 *   share their host's name ("flask" / "flask-admin") without being redundant with it.
 * A missing signal (no topics) simply contributes no evidence. Agreeing signals reinforce each
 * other, which a weighted mean would not do: text 0.4 plus concepts 0.9 gives 0.72. These caps were
 * set by that reasoning and kept; the benchmark (bench/redundancy.ts) only reports what they give.
 */
export const signalCaps = { text: 1, concepts: 0.6, topics: 0.4, name: 0.15 } as const;

export function combineSignals(signals: SimilaritySignals): number {
  let unexplained = 1 - signals.text * signalCaps.text;
  unexplained *= 1 - signals.concepts * signalCaps.concepts;
  if (signals.topics !== null) unexplained *= 1 - signals.topics * signalCaps.topics;
  unexplained *= 1 - signals.name * signalCaps.name;
  // Four decimals are all anyone reads; the verdict then agrees with the number printed.
  return Math.round((1 - unexplained) * 10_000) / 10_000;
}

export interface Similarity {
  similarity: number;
  signals: SimilaritySignals;
}

export function similarityOf(a: Profile, b: Profile): Similarity {
  const signals = signalsOf(a, b);
  return { similarity: combineSignals(signals), signals };
}

/** The words and concepts two profiles share most, strongest first, in words people wrote. */
export function sharedTerms(a: Profile, b: Profile, limit = 5): { words: string[]; concepts: string[] } {
  const words = [...a.text]
    .map(([term, weight]) => [term, weight * (b.text.get(term) ?? 0)] as const)
    .filter(([, product]) => product > 0)
    .sort((x, y) => y[1] - x[1])
    .slice(0, limit)
    .map(([term]) => a.surface.get(term) ?? b.surface.get(term) ?? term);
  const concepts = [...a.concepts]
    .filter(([term]) => term.startsWith(conceptPrefix))
    .map(([term, weight]) => [term, weight * (b.concepts.get(term) ?? 0)] as const)
    .filter(([, product]) => product > 0.01)
    .sort((x, y) => y[1] - x[1])
    .slice(0, 3)
    .map(([term]) => term.slice(conceptPrefix.length).replace(/_/g, " "));
  return { words, concepts };
}
