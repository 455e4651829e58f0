/**
 * One question: how well does the redundancy score tell overlapping projects from unrelated ones?
 * Ground truth: awesome-python (574 entries, 86 categories); two entries of one category are an
 * overlapping pair, of different categories not — over all 164,451 pairs. The entries have one-line
 * descriptions and no README, the hardest case for the score. A plain TF-IDF cosine of the
 * descriptions runs beside it as the baseline. A second table times duplicate-issue detection on
 * 50,000 issues built from the NLBSE'24 issues (skipped when that file is absent).
 *
 * Run: npm run bench:redundancy   (GLOBALLM_SHARED_DATA overrides the data folder)
 */
import { readFileSync } from "node:fs";
import { compareProjects, DEFAULT_REDUNDANCY_THRESHOLD } from "../lib/redundancy/compare-projects";
import {
  DEFAULT_DUPLICATE_THRESHOLD,
  findDuplicateIssues,
  type IssueText,
} from "../lib/redundancy/duplicate-issues";
import { atThreshold, bestF1, type Confusion, rocAuc } from "../lib/redundancy/ranking-metrics";
import { parseCsvRecords } from "../lib/scoring/csv";
import { haveSharedData, sharedDataFile } from "../test/shared-data";

const DATA = "redundancy/awesome_python.csv";

/**
 * The baseline: scikit-learn's TfidfVectorizer with its defaults (lower-case, tokens of two or
 * more word characters, no stop words, smoothed IDF over the set, L2 norm), then cosine.
 */
function plainTfidfCosine(texts: string[]): (i: number, j: number) => number {
  const docs = texts.map((text) => text.toLowerCase().match(/\b\w\w+\b/gu) ?? []);
  const frequencies = new Map<string, number>();
  for (const doc of docs)
    for (const term of new Set(doc)) frequencies.set(term, (frequencies.get(term) ?? 0) + 1);
  const vectors = docs.map((doc) => {
    const vector = new Map<string, number>();
    for (const term of doc) vector.set(term, (vector.get(term) ?? 0) + 1);
    let norm = 0;
    for (const [term, count] of vector) {
      const weight = count * (Math.log((1 + docs.length) / (1 + frequencies.get(term)!)) + 1);
      vector.set(term, weight);
      norm += weight * weight;
    }
    for (const [term, weight] of vector) vector.set(term, weight / Math.sqrt(norm));
    return vector;
  });
  return (i, j) => {
    let sum = 0;
    for (const [term, weight] of vectors[i]!) sum += weight * (vectors[j]!.get(term) ?? 0);
    return sum;
  };
}

interface Scored {
  name: string;
  auc: number;
  atDefault: Confusion;
  best: Confusion;
  seconds: number;
}

function evaluate(name: string, scores: Float64Array, labels: boolean[], seconds: number): Scored {
  return {
    name,
    auc: rocAuc(scores, labels),
    atDefault: atThreshold(scores, labels, DEFAULT_REDUNDANCY_THRESHOLD),
    best: bestF1(scores, labels),
    seconds,
  };
}

function redundancyBench(): { results: Scored[]; pairs: number; positives: number } | undefined {
  if (!haveSharedData(DATA, "redundancy benchmark")) return undefined;
  const rows = parseCsvRecords(readFileSync(sharedDataFile(DATA), "utf8"));
  const labels: boolean[] = [];
  for (let i = 0; i < rows.length; i++)
    for (let j = i + 1; j < rows.length; j++) labels.push(rows[i]!.category === rows[j]!.category);

  let started = performance.now();
  const pairs = compareProjects(rows.map((row) => ({ name: row.name!, description: row.description })));
  const ours = Float64Array.from(pairs, (pair) => pair.similarity);
  const oursSeconds = (performance.now() - started) / 1000;

  started = performance.now();
  const baseline = plainTfidfCosine(rows.map((row) => row.description ?? ""));
  const plain = new Float64Array(labels.length);
  let k = 0;
  for (let i = 0; i < rows.length; i++) for (let j = i + 1; j < rows.length; j++) plain[k++] = baseline(i, j);
  const plainSeconds = (performance.now() - started) / 1000;

  return {
    results: [
      evaluate("globallm redundancy", ours, labels, oursSeconds),
      evaluate("baseline: TF-IDF cosine of descriptions", plain, labels, plainSeconds),
    ],
    pairs: labels.length,
    positives: labels.filter(Boolean).length,
  };
}

/** A small seeded PRNG (mulberry32), so every run builds the same issues. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 50,000 issues in 100 repositories, with the word statistics of real ones: each synthetic issue
 * takes half its words from one real NLBSE issue (its "problem") and half from the words of all
 * issues, so topics recur across issues as they do in a tracker. 1,000 of them are planted
 * duplicates of an earlier issue of the same repository: the title with one word dropped and
 * shuffled, and half of the body words swapped.
 */
function syntheticIssues(count: number, planted: number): { issues: IssueText[]; plantedPairs: Set<string> } {
  const records = parseCsvRecords(readFileSync(sharedDataFile("issues/nlbse24_train.csv"), "utf8"));
  const words = (text: string) => text.split(/\s+/).filter((word) => /^[A-Za-z][A-Za-z'-]{1,20}$/.test(word));
  const sources = records.map((record) => ({
    title: words(record.title ?? ""),
    body: words(record.body ?? ""),
  }));
  const allTitle = sources.flatMap((source) => source.title);
  const allBody = sources.flatMap((source) => source.body);
  const next = random(42);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const mix = (own: string[], all: string[], length: number) =>
    Array.from({ length }, () => (own.length > 0 && next() < 0.5 ? pick(own) : pick(all))).join(" ");
  const issues: IssueText[] = [];
  const plantedPairs = new Set<string>();
  for (let id = 0; id < count; id++) {
    const repository = `owner/repo-${id % 100}`;
    if (id >= 1000 && id % Math.floor(count / planted) === 0) {
      const original = issues[id - 100 * (1 + Math.floor(next() * 9))]!;
      const title = original.title.split(" ");
      title.splice(Math.floor(next() * title.length), 1);
      title.sort(() => next() - 0.5);
      const body = (original.body ?? "").split(" ").map((word) => (next() < 0.5 ? word : pick(allBody)));
      issues.push({ id, repository, title: title.join(" "), body: body.join(" ") });
      plantedPairs.add(`${original.id}:${id}`);
      continue;
    }
    const source = pick(sources);
    issues.push({
      id,
      repository,
      title: mix(source.title, allTitle, 5 + Math.floor(next() * 8)),
      body: mix(source.body, allBody, 30 + Math.floor(next() * 150)),
    });
  }
  return { issues, plantedPairs };
}

async function duplicateIssuesBench(): Promise<Record<string, number>> {
  if (!haveSharedData("issues/nlbse24_train.csv", "duplicate-issue timing")) return {};
  const rows: Record<string, number>[] = [];
  for (const count of [10_000, 50_000]) {
    const { issues, plantedPairs } = syntheticIssues(count, count / 50);
    const started = performance.now();
    const cpu = process.cpuUsage();
    const pairs = findDuplicateIssues(issues);
    const ms = performance.now() - started;
    const used = process.cpuUsage(cpu);
    // CPU time beside wall time: on a busy machine the wall clock also counts other processes.
    const cpuMs = (used.user + used.system) / 1000;
    const found = pairs.filter((pair) => plantedPairs.has(`${pair.a}:${pair.b}`)).length;
    rows.push({ count, ms, cpuMs, pairs: pairs.length, planted: plantedPairs.size, found });
  }
  console.log(
    `\nduplicate issues (threshold ${DEFAULT_DUPLICATE_THRESHOLD}, same repository, synthetic from NLBSE'24)`,
  );
  console.log(
    ["issues", "wall ms", "cpu ms", "pairs found", "planted", "planted found"]
      .map((h) => h.padStart(14))
      .join(""),
  );
  for (const row of rows)
    console.log(
      [row.count, Math.round(row.ms!), Math.round(row.cpuMs!), row.pairs, row.planted, row.found]
        .map((v) => String(v).padStart(14))
        .join(""),
    );
  const large = rows.at(-1)!;
  return {
    duplicates_issues: large.count!,
    duplicates_ms: Math.round(large.ms!),
    duplicates_cpu_ms: Math.round(large.cpuMs!),
    duplicates_pairs: large.pairs!,
    duplicates_planted_recall: large.found! / large.planted!,
  };
}

const fixed = (value: number, digits = 3) => (Number.isFinite(value) ? value.toFixed(digits) : "—");

const bench = redundancyBench();
if (bench) {
  console.log(
    `awesome-python: ${bench.pairs.toLocaleString("en-US")} pairs, ${bench.positives.toLocaleString("en-US")} overlapping (same category)\n`,
  );
  const header = [
    "scorer".padEnd(40),
    "ROC-AUC".padStart(7),
    `P@${DEFAULT_REDUNDANCY_THRESHOLD}`.padStart(7),
    `R@${DEFAULT_REDUNDANCY_THRESHOLD}`.padStart(7),
    "flagged".padStart(8),
    "best-F1 t".padStart(9),
    "P".padStart(6),
    "R".padStart(6),
    "F1".padStart(6),
    "seconds".padStart(8),
  ];
  console.log(header.join("  "));
  for (const result of bench.results) {
    console.log(
      [
        result.name.padEnd(40),
        fixed(result.auc, 4).padStart(7),
        fixed(result.atDefault.precision).padStart(7),
        fixed(result.atDefault.recall).padStart(7),
        String(result.atDefault.flagged).padStart(8),
        fixed(result.best.threshold).padStart(9),
        fixed(result.best.precision).padStart(6),
        fixed(result.best.recall).padStart(6),
        fixed(result.best.f1).padStart(6),
        fixed(result.seconds, 2).padStart(8),
      ].join("  "),
    );
  }
}

const duplicates = await duplicateIssuesBench();

const [ours, plain] = bench?.results ?? [];
console.log(
  JSON.stringify({
    bench: "redundancy",
    ...(bench && ours && plain
      ? {
          pairs: bench.pairs,
          positives: bench.positives,
          threshold: DEFAULT_REDUNDANCY_THRESHOLD,
          auc: ours.auc,
          precision_at_default: ours.atDefault.precision,
          recall_at_default: ours.atDefault.recall,
          flagged_at_default: ours.atDefault.flagged,
          best_f1_threshold: ours.best.threshold,
          best_f1: ours.best.f1,
          best_f1_precision: ours.best.precision,
          best_f1_recall: ours.best.recall,
          seconds: ours.seconds,
          baseline_auc: plain.auc,
          baseline_precision_at_default: plain.atDefault.precision,
          baseline_recall_at_default: plain.atDefault.recall,
          baseline_best_f1_threshold: plain.best.threshold,
          baseline_best_f1: plain.best.f1,
        }
      : { skipped: `${DATA} not found` }),
    ...duplicates,
  }),
);
