import { repositoryClassifier } from "../classify/classify-repository";
import { categorizeFromLabels } from "../classify/labels";
import { classifyIssueWithModel, type IssueModelClassifier } from "../classify/model-step";
import { shippedTextClassifier, type TextClassifier } from "../classify/text-classifier";
import type { Database } from "../db/client";
import type { Categorize, Categorized, CategorizeInput } from "../prioritize/compute-features";

export interface CategorizerOptions {
  /** The LLM step, when a model is configured; asked only about issues the text model is unsure of. */
  model?: IssueModelClassifier;
  /** Text verdicts below this confidence go to the model (when there is one). */
  modelBelowConfidence?: number;
  /** A repository teaches the classifier from at most this many of its labelled issues (newest first). */
  maxExamplesPerRepository?: number;
  /** Adapted classifiers kept in memory at once (each is a small vocabulary and weight table). */
  cachedRepositories?: number;
}

/**
 * How the product categorizes issues: the repository's own labels first; the offline text
 * classifier for the rest, after it has learned from that repository's labelled issues in the
 * store; then, when configured, a model for the verdicts the text classifier is unsure of.
 */
export function createCategorizer(db: Database, options: CategorizerOptions = {}): Categorize {
  const shipped = shippedTextClassifier();
  const cacheSize = options.cachedRepositories ?? 256;
  const perRepository = options.maxExamplesPerRepository ?? 2000;
  const belowConfidence = options.modelBelowConfidence ?? 0.6;
  // Insertion-ordered, so the oldest entry goes first when the cache is full.
  const classifiers = new Map<number, TextClassifier>();

  async function prepare(repositoryIds: number[]): Promise<void> {
    const missing = [...new Set(repositoryIds)].filter((id) => !classifiers.has(id));
    if (missing.length === 0) return;
    const rows = await db.$client<
      { repository_id: string; title: string; body: string | null; labels: string[] }[]
    >`
      select repository_id, title, body, labels from (
        select repository_id, title, body, labels,
          row_number() over (partition by repository_id order by github_updated_at desc nulls last, id desc) as n
        from issues
        where repository_id = any(${missing}::bigint[]) and cardinality(labels) > 0
      ) labelled
      where n <= ${perRepository}`;
    const byRepository = new Map<number, { title: string; body: string | null; labels: string[] }[]>();
    for (const row of rows) {
      const id = Number(row.repository_id);
      const examples = byRepository.get(id);
      if (examples) examples.push(row);
      else byRepository.set(id, [row]);
    }
    for (const id of missing) {
      classifiers.set(id, repositoryClassifier(byRepository.get(id) ?? [], shipped).classifier);
      if (classifiers.size > cacheSize) classifiers.delete(classifiers.keys().next().value!);
    }
  }

  function categorizeOne(issue: CategorizeInput): Promise<Categorized> {
    return classifyIssueWithModel(issue, {
      classifier: classifiers.get(issue.repositoryId) ?? shipped,
      model: options.model,
      modelBelowConfidence: belowConfidence,
    });
  }

  return async (issues) => {
    // Labelled issues need no classifier; the others need their repository's.
    await prepare(
      issues
        .filter((issue) => !categorizeFromLabels(issue.labels).category)
        .map((issue) => issue.repositoryId),
    );
    const results: Categorized[] = [];
    for (const issue of issues) results.push(await categorizeOne(issue));
    return results;
  };
}
