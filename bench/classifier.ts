/**
 * One question: how well does the offline issue classifier tell bugs, features and questions apart
 * on issues it never saw, within a repository and in repositories it never saw?
 * Run: npm run bench:classifier   (GLOBALLM_SHARED_DATA overrides the data folder)
 *
 * - 5-fold cross-validation stratified by repository × label (fixed seed): every issue is predicted
 *   once, by a model trained on the other four folds; macro-F1 per repository, then their mean.
 * - Leave one repository out: train on four repositories, test on the fifth.
 * - Side by side: a plain tf-idf + linear SVM baseline, the shipped pipeline with its title keyword
 *   rules (a "performance" verdict counts as a miss here), and the classifier adapted to each
 *   repository's labelled issues (the training folds' issues of that repository, or, when the
 *   repository is left out, 20 labelled issues per class from it).
 */
import { statSync } from "node:fs";
import { adaptClassifier } from "../lib/classify/adapt";
import { classifyIssue } from "../lib/classify/classify-issue";
import { words } from "../lib/classify/issue-text";
import { readLabelledIssues } from "../lib/classify/labelled-issues";
import { trainLinearSvm } from "../lib/classify/linear-svm";
import { macroF1, mean } from "../lib/classify/metrics";
import { seededRandom, shuffle } from "../lib/classify/seeded-random";
import { stratifiedFolds } from "../lib/classify/stratified-folds";
import { createTextClassifier, shippedModelPath, type TextClassifier } from "../lib/classify/text-classifier";
import { type FeatureCounts, issueFeatures } from "../lib/classify/text-features";
import { defaultHyperparameters } from "../lib/classify/text-model";
import { type LabelledIssue, trainTextModel } from "../lib/classify/train-text-model";
import { fitVocabulary, vectorize } from "../lib/classify/vectorizer";
import { haveSharedData, sharedDataFile } from "../test/shared-data";
import { report, round } from "./support/report";

const file = "issues/nlbse24_train.csv";
if (!haveSharedData(file, "classifier benchmark")) process.exit(0);

const seed = 2024;
const folds = 5;
const labelsPerClassWhenLeftOut = 20;
const classes = ["bug", "feature", "question"] as const;
const { issues } = readLabelledIssues(sharedDataFile(file));
const repositories = [...new Set(issues.map((issue) => issue.repository!))].sort();
const indices = issues.map((_, i) => i);
type Predict = (issue: LabelledIssue) => string;
type Predictions = Record<string, string[]>;
const variants = ["ours", "baseline", "pipeline", "adapted"] as const;
const emptyPredictions = (): Predictions => Object.fromEntries(variants.map((variant) => [variant, []]));

/** The text model alone: the highest-probability class. */
function predictor(classifier: TextClassifier): Predict {
  return (issue) => {
    const scores = classifier.margins(issueFeatures(issue.title, issue.body, classifier.featureOptions));
    return classifier.categories[scores.indexOf(Math.max(...scores))]!;
  };
}

/** The reference point: raw title and body words and word pairs, tf-idf, linear SVM (C = 1). */
function trainBaseline(train: LabelledIssue[]): Predict {
  const features = (issue: LabelledIssue): FeatureCounts => {
    const counts: FeatureCounts = new Map();
    const tokens = words(`${issue.title}\n${issue.body ?? ""}`);
    tokens.forEach((word, i) => {
      for (const name of [`r:${word}`, ...(i + 1 < tokens.length ? [`r:${word} ${tokens[i + 1]}`] : [])])
        counts.set(name, (counts.get(name) ?? 0) + 1);
    });
    return counts;
  };
  const weights = { t: 0, b: 0, c: 0, d: 0, q: 0, r: 1 };
  const documents = train.map(features);
  const vocabulary = fitVocabulary(documents, 2);
  const model = trainLinearSvm(
    documents.map((document) => vectorize(document, vocabulary, weights)),
    train.map((issue) => classes.indexOf(issue.category as (typeof classes)[number])),
    classes.length,
    vocabulary.names.length,
    { c: 1, seed: 1, maxPasses: 200, tolerance: 1e-3 },
  );
  return (issue) => {
    const vector = vectorize(features(issue), vocabulary, weights);
    const scores = model.weights.map((w, k) => {
      let sum = model.bias[k]!;
      for (let j = 0; j < vector.indices.length; j++) sum += w[vector.indices[j]!]! * vector.values[j]!;
      return sum;
    });
    return classes[scores.indexOf(Math.max(...scores))]!;
  };
}

/** Trains every variant on `train` and predicts `test`; `teach` are the test repository's labelled issues. */
function run(train: number[], test: number[], teach: (repository: string) => number[], into: Predictions) {
  const started = performance.now();
  const classifier = createTextClassifier(
    trainTextModel(
      train.map((i) => issues[i]!),
      defaultHyperparameters,
    ),
  );
  trainingSeconds.push((performance.now() - started) / 1000);
  const ours = predictor(classifier);
  const baseline = trainBaseline(train.map((i) => issues[i]!));
  const adapted = new Map<string, Predict>();
  for (const i of test) {
    const issue = issues[i]!;
    const repository = issue.repository!;
    if (!adapted.has(repository))
      adapted.set(
        repository,
        predictor(
          adaptClassifier(
            classifier,
            teach(repository).map((j) => issues[j]!),
          ),
        ),
      );
    into.ours![i] = ours(issue);
    into.baseline![i] = baseline(issue);
    into.pipeline![i] = classifyIssue({ title: issue.title, body: issue.body }, { classifier }).category;
    into.adapted![i] = adapted.get(repository)!(issue);
  }
}

function perRepository(predictions: string[], scope: number[] = indices): Record<string, number> {
  return Object.fromEntries(
    repositories.map((repository) => {
      const rows = scope.filter((i) => issues[i]!.repository === repository && predictions[i] !== undefined);
      const truth = rows.map((i) => issues[i]!.category as string);
      return [
        repository,
        macroF1(
          truth,
          rows.map((i) => predictions[i]!),
          classes,
        ),
      ];
    }),
  );
}

const trainingSeconds: number[] = [];
const started = performance.now();

const fold = stratifiedFolds(
  issues.map((issue) => `${issue.repository} ${issue.category}`),
  folds,
  seed,
);
const crossValidated = emptyPredictions();
for (let k = 0; k < folds; k++) {
  const train = indices.filter((i) => fold[i] !== k);
  const test = indices.filter((i) => fold[i] === k);
  run(train, test, (repository) => train.filter((i) => issues[i]!.repository === repository), crossValidated);
  process.stderr.write(`fold ${k + 1}/${folds} done\n`);
}

// Left out: the same 20 labelled issues per class teach the adapted variant; all score on the rest.
const leftOut = emptyPredictions();
const leftOutScope: number[] = [];
for (const repository of repositories) {
  const own = indices.filter((i) => issues[i]!.repository === repository);
  const random = seededRandom(seed);
  const teach = classes.flatMap((label) =>
    shuffle(
      own.filter((i) => issues[i]!.category === label),
      random,
    ).slice(0, labelsPerClassWhenLeftOut),
  );
  const test = own.filter((i) => !teach.includes(i));
  leftOutScope.push(...test);
  run(
    indices.filter((i) => issues[i]!.repository !== repository),
    test,
    () => teach,
    leftOut,
  );
  process.stderr.write(`left out ${repository}\n`);
}

const cv = Object.fromEntries(variants.map((variant) => [variant, perRepository(crossValidated[variant]!)]));
const loro = Object.fromEntries(
  variants.map((variant) => [variant, perRepository(leftOut[variant]!, leftOutScope)]),
);
const meanOf = (scores: Record<string, number>) => round(mean(Object.values(scores)));

report(
  `Issue classifier on NLBSE'24 (1,500 issues; macro-F1 over bug/feature/question per repository)`,
  ["repository", "ours", "baseline", "pipeline", "adapted", "left out: ours", "baseline", "ours + 60 labels"],
  [...repositories, "mean"].map((repository) => {
    const pick = (scores: Record<string, number>) =>
      repository === "mean" ? meanOf(scores) : round(scores[repository]!);
    return [
      repository,
      pick(cv.ours!),
      pick(cv.baseline!),
      pick(cv.pipeline!),
      pick(cv.adapted!),
      pick(loro.ours!),
      pick(loro.baseline!),
      pick(loro.adapted!),
    ];
  }),
  {
    bench: "classifier",
    macro_f1: meanOf(cv.ours!),
    per_repository: Object.fromEntries(
      repositories.map((repository) => [repository, round(cv.ours![repository]!)]),
    ),
    baseline_macro_f1: meanOf(cv.baseline!),
    pipeline_macro_f1: meanOf(cv.pipeline!),
    adapted_macro_f1: meanOf(cv.adapted!),
    leave_one_repository_out_macro_f1: meanOf(loro.ours!),
    leave_one_repository_out_baseline_macro_f1: meanOf(loro.baseline!),
    leave_one_repository_out_adapted_macro_f1: meanOf(loro.adapted!),
    folds,
    seed,
    train_seconds_per_model: round(mean(trainingSeconds), 1),
    shipped_model_bytes: statSync(shippedModelPath).size,
    seconds: round((performance.now() - started) / 1000, 1),
  },
);
