import type { IssueCategory } from "../db/schema/issues";
import { trainNbSvm } from "./nb-svm";
import { type FeatureCounts, issueFeatures } from "./text-features";
import {
  defaultHyperparameters,
  type TextClassifierHyperparameters,
  type TrainedTextModel,
} from "./text-model";
import { fitVocabulary, vectorize, vocabularyOf } from "./vectorizer";

export interface LabelledIssue {
  title: string;
  body?: string | null;
  category: IssueCategory;
  repository?: string;
}

/**
 * Trains the offline text classifier: tf-idf over word, character and cue blocks, an NBSVM,
 * then the strongest `maxFeatures` features are kept and the SVM is trained again on them alone,
 * so the shipped (pruned) model is exactly the model that was trained.
 */
export function trainTextModel(
  issues: LabelledIssue[],
  hyperparameters: TextClassifierHyperparameters = defaultHyperparameters,
): TrainedTextModel {
  const classes = [...new Set(issues.map((issue) => issue.category))].sort();
  const labels = issues.map((issue) => classes.indexOf(issue.category));
  const documents = issues.map((issue) => issueFeatures(issue.title, issue.body, hyperparameters));

  const full = fitVocabulary(documents, hyperparameters.minDf);
  const first = trainOn(documents, labels, classes.length, full.names, full.idf, hyperparameters);
  const strength = full.names.map((name, i) => ({
    name,
    i,
    weight: name.startsWith("q:")
      ? Number.POSITIVE_INFINITY
      : Math.max(...first.weights.map((w) => Math.abs(w[i]!))),
  }));
  const kept = strength
    .sort((a, b) => b.weight - a.weight || a.i - b.i)
    .slice(0, hyperparameters.maxFeatures)
    .sort((a, b) => a.i - b.i);
  const names = kept.map(({ name }) => name);
  const idf = kept.map(({ i }) => full.idf[i]!);
  const model = trainOn(documents, labels, classes.length, names, idf, hyperparameters);

  const features: Record<string, number[]> = {};
  names.forEach((name, i) => {
    features[name] = [significant(idf[i]!), ...model.weights.map((w) => fixed(w[i]!))];
  });
  return { classes, bias: model.bias.map(fixed), features, hyperparameters };
}

function trainOn(
  documents: FeatureCounts[],
  labels: number[],
  classCount: number,
  names: string[],
  idf: ArrayLike<number>,
  hyperparameters: TextClassifierHyperparameters,
) {
  const vocabulary = vocabularyOf(names, idf);
  const vectors = documents.map((document) => vectorize(document, vocabulary, hyperparameters.blockWeights));
  return trainNbSvm(vectors, labels, classCount, names.length, hyperparameters);
}

// Rounding keeps the file small and diffable: a weight of 1e-4 moves a margin by less than 1e-4,
// far below the model's own noise (margins are in tenths).
function fixed(value: number): number {
  return Math.round(value * 10_000) / 10_000 || 0;
}

function significant(value: number): number {
  return Number(value.toPrecision(4));
}
