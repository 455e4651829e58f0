import { conceptsByToken, fieldsByConcept } from "./concepts";
import { countTerms, type SparseVector } from "./sparse-vector";

/** Concept features are named `@concept` and fields `#field`, so they never collide with a word. */
export const conceptPrefix = "@";
export const fieldPrefix = "#";
// A shared field is weaker evidence than a shared concept.
const FIELD_WEIGHT = 0.5;

/**
 * The concepts a text names, each weighted by the (IDF-weighted) words that name it. A word naming
 * several concepts ("schema": databases, validation, GraphQL) is split between them, so a vague word
 * cannot make a document look like it is about everything.
 */
export function conceptsOf(terms: SparseVector | readonly string[]): SparseVector {
  const weights = Array.isArray(terms) ? countTerms(terms) : (terms as SparseVector);
  const concepts: SparseVector = new Map();
  for (const [term, weight] of weights) {
    const named = conceptsByToken.get(term);
    if (!named) continue;
    const share = weight / Math.sqrt(named.length);
    for (const concept of named) {
      const key = `${conceptPrefix}${concept}`;
      concepts.set(key, (concepts.get(key) ?? 0) + share);
      const fields = fieldsByConcept.get(concept) ?? [];
      for (const field of fields) {
        const fieldKey = `${fieldPrefix}${field}`;
        concepts.set(
          fieldKey,
          (concepts.get(fieldKey) ?? 0) + (FIELD_WEIGHT * share) / Math.sqrt(fields.length),
        );
      }
    }
  }
  return concepts;
}
