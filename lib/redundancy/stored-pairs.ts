import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Database } from "../db/client";
import { redundancyPairs, repositories } from "../db/schema";
import type { Recommendation } from "./recommend";
import { redundancyStorageEnabled } from "./save-results";

export interface StoredRedundancy {
  a: string;
  b: string;
  similarity: number;
  recommendation: Recommendation;
  /** The repository to keep when the other should be deprecated. */
  stronger: string | null;
}

/**
 * The stored pairs judged redundant, by full name — what prioritization needs for uniqueness
 * (issues of the weaker project rank lower) and for `findDuplicateIssues`' `redundantRepositories`.
 * Empty while storage is off (no migration yet).
 */
export async function redundantPairs(
  db: Database,
  options: { enabled?: boolean } = {},
): Promise<StoredRedundancy[]> {
  if (!(options.enabled ?? redundancyStorageEnabled)) return [];
  const left = alias(repositories, "left_repository");
  const right = alias(repositories, "right_repository");
  const rows = await db
    .select({
      a: left.fullName,
      b: right.fullName,
      similarity: redundancyPairs.similarity,
      recommendation: redundancyPairs.recommendation,
      stronger: redundancyPairs.stronger,
    })
    .from(redundancyPairs)
    .innerJoin(left, eq(left.id, redundancyPairs.repositoryAId))
    .innerJoin(right, eq(right.id, redundancyPairs.repositoryBId))
    .where(eq(redundancyPairs.redundant, true));
  return rows.map((row) => ({ ...row, recommendation: row.recommendation as Recommendation }));
}
