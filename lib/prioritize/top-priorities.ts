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

/** The highest-priority ranked issues, optionally of one language and above a minimum; served by issue_ranks_priority_idx. */
export async function topPriorities(
  db: Database,
  options: { language?: string; top: number; minPriority?: number },
): Promise<PriorityRow[]> {
  const sql = db.$client;
  const rows = await sql`
    select r.full_name, r.language, i.number, i.title, i.url, i.category, i.severity, i.pinned,
      i.assignment_status, ${rankColumns(sql)}
    from issue_ranks k
    join issues i on i.id = k.issue_id
    join repositories r on r.id = i.repository_id
    join priority_runs rank_run on rank_run.id = k.run_id
    where true
      ${options.language ? sql`and lower(r.language) = ${options.language.toLowerCase()}` : sql``}
      ${options.minPriority !== undefined ? sql`and k.priority >= ${options.minPriority}` : sql``}
    order by k.priority desc, k.issue_id
    limit ${options.top}`;
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
