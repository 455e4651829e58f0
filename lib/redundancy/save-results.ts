import { sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { type NewRedundancyPairRow, redundancyPairs } from "../db/schema";
import type { RedundancyPair } from "./compare-projects";

/**
 * Whether `redundancy` stores its verdicts. drizzle/0009 creates `redundancy_pairs`; storing stays
 * off until the team turns it on here, so the command behaves the same on every database meanwhile.
 */
export const redundancyStorageEnabled = true;

export interface StoredPair extends RedundancyPair {
  /** Store ids of `a` and `b`. */
  aId: number;
  bId: number;
  threshold: number;
}

/** Upserts the latest verdict of each pair (one row per unordered pair, smaller id first). */
export async function saveRedundancyResults(db: Database, results: readonly StoredPair[]): Promise<number> {
  if (results.length === 0) return 0;
  const rows: NewRedundancyPairRow[] = results
    .filter((pair) => pair.aId !== pair.bId)
    .map((pair) => ({
      repositoryAId: Math.min(pair.aId, pair.bId),
      repositoryBId: Math.max(pair.aId, pair.bId),
      similarity: pair.similarity,
      redundant: pair.redundant,
      threshold: pair.threshold,
      recommendation: pair.recommendation,
      reason: pair.reason,
      stronger: pair.stronger,
      signals: pair.signals,
    }));
  if (rows.length === 0) return 0;
  await db
    .insert(redundancyPairs)
    .values(rows)
    .onConflictDoUpdate({
      target: [redundancyPairs.repositoryAId, redundancyPairs.repositoryBId],
      set: {
        similarity: sql`excluded.similarity`,
        redundant: sql`excluded.redundant`,
        threshold: sql`excluded.threshold`,
        recommendation: sql`excluded.recommendation`,
        reason: sql`excluded.reason`,
        stronger: sql`excluded.stronger`,
        signals: sql`excluded.signals`,
        computedAt: sql`now()`,
      },
    });
  // A changed verdict changes the uniqueness of both projects' issues: the next prioritization
  // recomputes it (lib/prioritize/uniqueness.ts).
  const ids = [...new Set(rows.flatMap((row) => [row.repositoryAId, row.repositoryBId]))];
  await db.execute(
    sql`update issues set uniqueness = null where repository_id = any(${`{${ids.join(",")}}`}::bigint[]) and uniqueness is not null`,
  );
  return rows.length;
}
