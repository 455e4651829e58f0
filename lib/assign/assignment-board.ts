import type { Database } from "../db/client";
import { toDateOrNull } from "../db/raw-values";
import { type AssignmentStatus, assignmentStatuses } from "../db/schema";

export interface BoardCard {
  issueId: number;
  repository: string;
  number: number;
  title: string;
  url: string | null;
  priority: number | null;
  agentId: string | null;
  attempts: number;
  lastError: string | null;
  /** Seconds since the holder's last heartbeat (assigned cards only). */
  heartbeatAgeSeconds: number | null;
  /** The lease ran out or the heartbeat is older than the timeout: any worker may take it back. */
  stale: boolean;
  /** An available issue waiting out its retry backoff until then. */
  availableAfter: Date | null;
  updatedAt: Date;
}

export interface BoardColumn {
  status: AssignmentStatus;
  /** Every issue in this state (available: only open, unskipped ones — the pool). */
  total: number;
  cards: BoardCard[];
}

/**
 * The Assignments kanban: per state, the count and the `limit` most relevant cards — available by
 * claim order (what agents take next), assigned stalest first, completed and failed newest first —
 * so the page stays small however many issues the pool holds.
 */
export async function assignmentBoard(
  db: Database,
  options: { limit?: number; staleAfterMinutes: number },
): Promise<BoardColumn[]> {
  const sql = db.$client;
  const limit = options.limit ?? 50;
  const staleSeconds = options.staleAfterMinutes * 60;
  const [counts, rows] = await Promise.all([
    sql`
      select assignment_status, count(*)::int as count from issues
      where assignment_status <> 'available' or (state = 'open' and not skipped)
      group by assignment_status`,
    sql`
      with picked as (
        (select i.id, 'available' as column_status,
            row_number() over (order by k.pinned desc nulls last, k.priority desc nulls last, i.id) as rank
          from issues i left join issue_ranks k on k.issue_id = i.id
          where i.assignment_status = 'available' and i.state = 'open' and not i.skipped
          order by k.pinned desc nulls last, k.priority desc nulls last, i.id limit ${limit})
        union all
        (select id, 'assigned', row_number() over (order by coalesce(last_heartbeat_at, assigned_at), id)
          from issues where assignment_status = 'assigned'
          order by coalesce(last_heartbeat_at, assigned_at), id limit ${limit})
        union all
        (select id, 'completed', row_number() over (order by updated_at desc, id desc)
          from issues where assignment_status = 'completed'
          order by updated_at desc, id desc limit ${limit})
        union all
        (select id, 'failed', row_number() over (order by updated_at desc, id desc)
          from issues where assignment_status = 'failed'
          order by updated_at desc, id desc limit ${limit})
      )
      select p.column_status, i.id, r.full_name, i.number, i.title, i.url, k.priority, i.assigned_to,
        i.attempts, i.last_error, i.available_after, i.updated_at,
        extract(epoch from now() - coalesce(i.last_heartbeat_at, i.assigned_at))::float8 as heartbeat_age,
        (i.lease_expires_at <= now()
          or coalesce(i.last_heartbeat_at, i.assigned_at) <= now() - make_interval(secs => ${staleSeconds}))
          as stale,
        (i.available_after > now()) as waiting
      from picked p
      join issues i on i.id = p.id
      join repositories r on r.id = i.repository_id
      left join issue_ranks k on k.issue_id = i.id
      order by p.column_status, p.rank`,
  ]);
  const columns = new Map<AssignmentStatus, BoardColumn>(
    assignmentStatuses.map((status) => [status, { status, total: 0, cards: [] }]),
  );
  for (const row of counts) {
    const column = columns.get(row.assignment_status as AssignmentStatus);
    if (column) column.total = Number(row.count);
  }
  for (const row of rows) {
    const status = row.column_status as AssignmentStatus;
    const assigned = status === "assigned";
    columns.get(status)?.cards.push({
      issueId: Number(row.id),
      repository: String(row.full_name),
      number: Number(row.number),
      title: String(row.title),
      url: (row.url as string | null) ?? null,
      priority: row.priority === null ? null : Number(row.priority),
      agentId: (row.assigned_to as string | null) ?? null,
      attempts: Number(row.attempts),
      lastError: (row.last_error as string | null) ?? null,
      heartbeatAgeSeconds: assigned && row.heartbeat_age !== null ? Number(row.heartbeat_age) : null,
      stale: assigned && row.stale === true,
      availableAfter: row.waiting === true ? toDateOrNull(row.available_after) : null,
      updatedAt: toDateOrNull(row.updated_at) ?? new Date(0),
    });
  }
  return [...columns.values()];
}
