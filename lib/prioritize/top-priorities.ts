import type postgres from "postgres";
import type { Database } from "../db/client";
import { breakdownRecord, rankColumns, readRank } from "./priority-breakdown";

export interface PriorityRow {
  rank: number;
  repository: string;
  language: string | null;
  number: number;
  title: string;
  url: string | null;
  priority: number;
  category: string | null;
  severity: string | null;
  reason: string;
  breakdown: ReturnType<typeof breakdownRecord>;
  pinned: boolean;
  assignmentStatus: string;
}

export interface TopPrioritiesOptions {
  language?: string;
  top: number;
  minPriority?: number;
}

/**
 * The statement behind topPriorities, exposed so that a test can EXPLAIN exactly what runs: the
 * ORDER BY repeats issue_ranks_priority_idx (NULLS placement included), so the top N are read from
 * the index and the walk stops after N, however many issues are ranked.
 */
export function topPrioritiesStatement(sql: postgres.Sql, options: TopPrioritiesOptions) {
  return sql`
    select r.full_name, r.language, i.number, i.title, i.url, i.category, i.severity, i.pinned,
      i.assignment_status, ${rankColumns(sql)}
    from issue_ranks k
    join issues i on i.id = k.issue_id
    join repositories r on r.id = i.repository_id
    join priority_runs rank_run on rank_run.id = k.run_id
    where true
      ${options.language ? sql`and lower(r.language) = ${options.language.toLowerCase()}` : sql``}
      ${options.minPriority !== undefined ? sql`and k.priority >= ${options.minPriority}` : sql``}
    order by k.priority desc nulls last, k.issue_id
    limit ${options.top}`;
}

/** The highest-priority ranked issues, optionally of one language and above a minimum. */
export async function topPriorities(db: Database, options: TopPrioritiesOptions): Promise<PriorityRow[]> {
  const rows = await topPrioritiesStatement(db.$client, options);
  return rows.map((row, index) => {
    const rank = readRank(row)!;
    return {
      rank: index + 1,
      repository: String(row.full_name),
      language: (row.language as string | null) ?? null,
      number: Number(row.number),
      title: String(row.title),
      url: (row.url as string | null) ?? null,
      priority: rank.priority,
      category: (row.category as string | null) ?? null,
      severity: (row.severity as string | null) ?? null,
      reason: rank.reason,
      breakdown: breakdownRecord(rank.breakdown),
      pinned: Boolean(row.pinned),
      assignmentStatus: String(row.assignment_status),
    };
  });
}
