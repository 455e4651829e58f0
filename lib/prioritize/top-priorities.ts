import type { Database } from "../db/client";

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
  reason: string | null;
  breakdown: Record<string, { value: number; weight: number; reason: string } | boolean> | null;
  pinned: boolean;
  assignmentStatus: string;
}

/** The highest-priority ranked issues, optionally of one language and above a minimum; served by issues_priority_idx. */
export async function topPriorities(
  db: Database,
  options: { language?: string; top: number; minPriority?: number },
): Promise<PriorityRow[]> {
  const sql = db.$client;
  const rows = await sql`
    select r.full_name, r.language, i.number, i.title, i.url, i.priority, i.category, i.severity,
      i.priority_reason, i.priority_breakdown, i.pinned, i.assignment_status
    from issues i join repositories r on r.id = i.repository_id
    where i.priority is not null
      ${options.language ? sql`and lower(r.language) = ${options.language.toLowerCase()}` : sql``}
      ${options.minPriority !== undefined ? sql`and i.priority >= ${options.minPriority}` : sql``}
    order by i.priority desc nulls last, i.id
    limit ${options.top}`;
  return rows.map((row, index) => ({
    rank: index + 1,
    repository: String(row.full_name),
    language: (row.language as string | null) ?? null,
    number: Number(row.number),
    title: String(row.title),
    url: (row.url as string | null) ?? null,
    priority: Number(row.priority),
    category: (row.category as string | null) ?? null,
    severity: (row.severity as string | null) ?? null,
    reason: (row.priority_reason as string | null) ?? null,
    breakdown: (row.priority_breakdown as PriorityRow["breakdown"]) ?? null,
    pinned: Boolean(row.pinned),
    assignmentStatus: String(row.assignment_status),
  }));
}
