import type { GitHubClient } from "../github/client";
import { githubError } from "../github/errors";
import {
  type RepositoryRef,
  type RepositorySignalsNode,
  repositorySignalsQuery,
  repositorySignalsVariables,
} from "../github/queries/repository-signals";
import type { RepositorySignals } from "../scoring/signals";
import { restSignalsNode } from "./collect-signals-rest";
import type { DepsDevClient } from "./dependents";
import { normalizeSignals } from "./normalize-signals";

/**
 * Repositories per GraphQL request. GitHub allows far more, but 20 keeps one request's cost and
 * response size modest while making a first analysis cost 0.05 requests per repository.
 */
export const SIGNALS_BATCH_SIZE = 20;

export interface CollectOptions {
  github: GitHubClient;
  depsDev?: DepsDevClient;
  now: Date;
  onProgress?: (done: number, total: number) => void;
}

/** Signals per `owner/name` (lowercased key); null for repositories GitHub does not have. */
export async function collectSignals(
  refs: RepositoryRef[],
  options: CollectOptions,
): Promise<Map<string, RepositorySignals | null>> {
  try {
    return await collect(refs, options);
  } catch (error) {
    throw githubError(error, "repository data", { anonymous: options.github.anonymous });
  }
}

async function collect(
  refs: RepositoryRef[],
  options: CollectOptions,
): Promise<Map<string, RepositorySignals | null>> {
  const result = new Map<string, RepositorySignals | null>();
  if (options.github.anonymous) return collectOverRest(refs, options);
  const variables = repositorySignalsVariables(options.now);
  for (let start = 0; start < refs.length; start += SIGNALS_BATCH_SIZE) {
    const batch = refs.slice(start, start + SIGNALS_BATCH_SIZE);
    const { data } = await options.github.graphql<Record<string, RepositorySignalsNode | null>>(
      repositorySignalsQuery(batch),
      variables,
    );
    for (const [index, ref] of batch.entries()) {
      const node = data[`r${index}`] ?? null;
      const key = `${ref.owner}/${ref.name}`.toLowerCase();
      if (!node) {
        result.set(key, null);
        continue;
      }
      const dependents = options.depsDev ? await options.depsDev.dependentsOf(node.nameWithOwner) : undefined;
      result.set(key, normalizeSignals(node, options.now, dependents));
    }
    options.onProgress?.(Math.min(start + SIGNALS_BATCH_SIZE, refs.length), refs.length);
  }
  return result;
}

async function collectOverRest(
  refs: RepositoryRef[],
  options: CollectOptions,
): Promise<Map<string, RepositorySignals | null>> {
  const result = new Map<string, RepositorySignals | null>();
  for (const [index, ref] of refs.entries()) {
    const node = await restSignalsNode(options.github, ref, options.now);
    const dependents =
      node && options.depsDev ? await options.depsDev.dependentsOf(node.nameWithOwner) : undefined;
    result.set(
      `${ref.owner}/${ref.name}`.toLowerCase(),
      node ? normalizeSignals(node, options.now, dependents) : null,
    );
    options.onProgress?.(index + 1, refs.length);
  }
  return result;
}
