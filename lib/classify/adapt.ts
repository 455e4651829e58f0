import type { IssueCategory } from "../db/schema/issues";
import { margins, softmax, trainLinearSvm } from "./linear-svm";
import type { TextClassifier } from "./text-classifier";
import { issueFeatures } from "./text-features";
import type { LabelledIssue } from "./train-text-model";
import { fitVocabulary, vectorize } from "./vectorizer";

export interface AdaptationOptions {
  /** Regularisation of the correction: small, so a handful of labels nudges rather than overrules. */
  c?: number;
  /** A repository's word must occur in this many of its labelled issues to count. */
  minDf?: number;
}

/** Where the shipped model has no opinion about a category only the repository uses: a firm "no". */
const unknownCategoryMargin = -1;

/**
 * Teaches a classifier one repository's ways from its labelled issues: a small linear correction,
 * trained on top of the classifier's own margins (so it learns only what the classifier gets wrong
 * there), over the repository's own vocabulary, with its label mix as a prior. Categories the
 * classifier does not know (documentation, performance, …) are learned from the examples alone.
 */
export function adaptClassifier(
  classifier: TextClassifier,
  examples: readonly LabelledIssue[],
  options: AdaptationOptions = {},
): TextClassifier {
  if (examples.length === 0) return classifier;
  const known = classifier.categories;
  const extra = [...new Set(examples.map((example) => example.category))]
    .filter((category) => !known.includes(category))
    .sort();
  const categories: IssueCategory[] = [...known, ...extra];
  const baseMargins = (features: Parameters<TextClassifier["margins"]>[0]) => [
    ...classifier.margins(features),
    ...extra.map(() => unknownCategoryMargin),
  ];

  const documents = examples.map((example) =>
    issueFeatures(example.title, example.body, classifier.featureOptions),
  );
  const vocabulary = fitVocabulary(documents, options.minDf ?? 2);
  const blockWeights = { t: 1, b: 1, c: 1, d: 1, r: 1, q: 1 };
  const correction = trainLinearSvm(
    documents.map((document) => vectorize(document, vocabulary, blockWeights)),
    examples.map((example) => categories.indexOf(example.category)),
    categories.length,
    vocabulary.names.length,
    { c: options.c ?? 0.1, seed: 1, maxPasses: 100, tolerance: 1e-3, offsets: documents.map(baseMargins) },
  );

  const adaptedMargins = (features: Parameters<TextClassifier["margins"]>[0]) => {
    const local = margins(correction, vectorize(features, vocabulary, blockWeights));
    return baseMargins(features).map((margin, k) => margin + local[k]!);
  };
  return {
    categories,
    featureOptions: classifier.featureOptions,
    temperature: classifier.temperature,
    margins: adaptedMargins,
    probabilities: (features) => softmax(adaptedMargins(features), classifier.temperature),
  };
}
