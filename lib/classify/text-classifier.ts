import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { IssueCategory } from "../db/schema/issues";
import { AppError } from "../errors";
import { type LinearModel, margins, softmax } from "./linear-svm";
import { type FeatureCounts, type FeatureOptions, issueFeatures } from "./text-features";
import { type TextClassifierModel, type TrainedTextModel, textModelFormat } from "./text-model";
import { type Vocabulary, vectorize, vocabularyOf } from "./vectorizer";

/** Scores an issue's text over the categories it knows; adaptation wraps one in another. */
export interface TextClassifier {
  readonly categories: readonly IssueCategory[];
  readonly featureOptions: FeatureOptions;
  /** Turns margins into probabilities: softmax(temperature × margin). */
  readonly temperature: number;
  /** Decision values in `categories` order; higher is more likely. */
  margins(features: FeatureCounts): number[];
  /** Probabilities in `categories` order, summing to 1. */
  probabilities(features: FeatureCounts): number[];
}

export function createTextClassifier(model: TrainedTextModel): TextClassifier {
  const names = Object.keys(model.features);
  const vocabulary: Vocabulary = vocabularyOf(
    names,
    names.map((name) => model.features[name]![0]!),
  );
  const linear: LinearModel = {
    weights: model.classes.map((_, k) => Float64Array.from(names, (name) => model.features[name]![k + 1]!)),
    bias: model.bias,
  };
  const { hyperparameters } = model;
  const scores = (features: FeatureCounts) =>
    margins(linear, vectorize(features, vocabulary, hyperparameters.blockWeights));
  return {
    categories: model.classes,
    featureOptions: hyperparameters,
    temperature: hyperparameters.temperature,
    margins: scores,
    probabilities: (features) => softmax(scores(features), hyperparameters.temperature),
  };
}

/** Probabilities for one issue, keyed by category. */
export function scoreIssueText(
  classifier: TextClassifier,
  title: string,
  body?: string | null,
): Partial<Record<IssueCategory, number>> {
  const probabilities = classifier.probabilities(issueFeatures(title, body, classifier.featureOptions));
  return Object.fromEntries(classifier.categories.map((category, k) => [category, probabilities[k]!]));
}

export const shippedModelPath = fileURLToPath(new URL("./model/issue-classifier.json", import.meta.url));

let shipped: TextClassifier | undefined;

/** The model trained by `npm run train:classifier`, read once from the repository. */
export function shippedTextClassifier(): TextClassifier {
  shipped ??= createTextClassifier(readTextModel(shippedModelPath));
  return shipped;
}

export function readTextModel(path: string): TextClassifierModel {
  let model: TextClassifierModel;
  try {
    model = JSON.parse(readFileSync(path, "utf8")) as TextClassifierModel;
  } catch (error) {
    throw new AppError("internal:issue", "The issue classifier model could not be read.", {
      hint: "Run npm run train:classifier to rebuild it.",
      detail: `${path}: ${error instanceof Error ? error.message : String(error)}`,
      cause: error,
    });
  }
  if (model.format !== textModelFormat)
    throw new AppError("internal:issue", `The issue classifier model has format ${String(model.format)}.`, {
      hint: `Expected ${textModelFormat}; run npm run train:classifier.`,
    });
  return model;
}
