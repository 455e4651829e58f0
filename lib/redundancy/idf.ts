import backgroundData from "./background/background-frequencies.json" with { type: "json" };

/** Document frequencies of a reference corpus (see background/build-background.ts). */
export interface Background {
  documents: number;
  frequencies: Readonly<Record<string, number>>;
}

export const defaultBackground: Background = backgroundData;

/**
 * Inverse document frequency over the compared set and the background together, as if the
 * background's documents had been part of the set. Two projects alone still learn that "library"
 * is common; a set of hundreds mostly speaks for itself, since its own documents then outnumber
 * the background's (333). Smoothed like scikit-learn's TfidfVectorizer: log((1+N)/(1+df)) + 1.
 */
export class Idf {
  private readonly documents: number;

  constructor(
    private readonly setFrequencies: ReadonlyMap<string, number>,
    setDocuments: number,
    private readonly background: Background = defaultBackground,
  ) {
    this.documents = setDocuments + background.documents;
  }

  frequency(term: string): number {
    return (this.setFrequencies.get(term) ?? 0) + (this.background.frequencies[term] ?? 0);
  }

  weight(term: string): number {
    return Math.log((1 + this.documents) / (1 + this.frequency(term))) + 1;
  }
}

/** In how many of the token lists each term occurs. */
export function documentFrequencies(documents: Iterable<Iterable<string>>): Map<string, number> {
  const frequencies = new Map<string, number>();
  for (const document of documents)
    for (const term of new Set(document)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  return frequencies;
}
