import type { Database } from "../db/client";
import { toDateOrNull } from "../db/raw-values";
import { type AssignmentStatus, assignmentStatuses } from "../db/schema";
import { AppError } from "../errors";
import { claimablePredicate } from "./claim-next-issue";
import { agentExists } from "./release";

export interface AgentSummary {
  agentId: string;
  /** running, stopping, stopped; null for an id seen only on issues (never registered). */
  status: string | null;
  assigned: number;
  completed: number;
  failed: number;
  lastSeenAt: Date | null;
  /** Age of the agent's oldest current heartbeat, in seconds (null when it holds nothing). */
  oldestHeartbeatAgeSeconds: number | null;
}

export interface AssignmentRow {
  issueId: number;
  repository: string;
  number: number;
  title: string;
  agentId: string | null;
  attempts: number;
  assignedAt: Date | null;
  heartbeatAgeSeconds: number | null;
  leaseExpiresInSeconds: number | null;
  stale: boolean;
  lastError: string | null;
}

export interface AssignmentOverview {
  totals: Record<AssignmentStatus, number>;
  /** Available issues that can be claimed right now (open, not skipped, not waiting out a backoff). */
  claimableNow: number;
  agents: AgentSummary[];
  assignments: AssignmentRow[];
  staleAfterMinutes: number;
}

/**
 * What `assign status` and the kanban show. An assignment is stale when its lease expired or its
 * last heartbeat is older than `staleAfterMinutes` (the heartbeat timeout).
 */
export async function assignmentOverview(
  db: Database,
  options: { agentId?: string; staleOnly?: boolean; staleAfterMinutes: number; limit?: number },
): Promise<AssignmentOverview> {
  const sql = db.$client;
  const { agentId, staleAfterMinutes } = options;
  if (agentId !== undefined && !(await agentExists(db, agentId))) {
    throw new AppError("not_found:assignment", `No agent with id "${agentId}".`, {
      hint: "`globallm assign status` lists the agents.",
    });
  }
  const agentFilter = agentId === undefined ? sql`` : sql`and assigned_to = ${agentId}`;
  const totalsRows = await sql`
    select assignment_status, count(*)::int as count from issues
    where true ${agentFilter}
    group by assignment_status`;
  const totals = Object.fromEntries(assignmentStatuses.map((status) => [status, 0])) as Record<
    AssignmentStatus,
    number
  >;
  for (const row of totalsRows) totals[row.assignment_status as AssignmentStatus] = Number(row.count);
  const [claimable] = await sql`
    select count(*)::int as count from issue_ranks k join issues i on i.id = k.issue_id
    where ${claimablePredicate(sql)} ${agentFilter}`;
  const staleSeconds = staleAfterMinutes * 60;
  const agentRows = await sql`
    with per_agent as (
      select assigned_to as id,
        count(*) filter (where assignment_status = 'assigned')::int as assigned,
        count(*) filter (where assignment_status = 'completed')::int as completed,
        count(*) filter (where assignment_status = 'failed')::int as failed,
        min(last_heartbeat_at) filter (where assignment_status = 'assigned') as oldest_heartbeat
      from issues where assigned_to is not null ${agentFilter}
      group by assigned_to
    )
    select coalesce(a.id, p.id) as id, a.status, a.last_seen_at,
      coalesce(p.assigned, 0) as assigned, coalesce(p.completed, 0) as completed,
      coalesce(p.failed, 0) as failed,
      extract(epoch from now() - p.oldest_heartbeat)::float8 as oldest_heartbeat_age
    from per_agent p full join agents a on a.id = p.id
    where ${agentId === undefined ? sql`true` : sql`coalesce(a.id, p.id) = ${agentId}`}
    order by coalesce(p.assigned, 0) desc, a.last_seen_at desc nulls last, 1`;
  const staleFilter = options.staleOnly
    ? sql`and (i.lease_expires_at <= now()
        or coalesce(i.last_heartbeat_at, i.assigned_at) <= now() - make_interval(secs => ${staleSeconds}))`
    : sql``;
  const assignmentRows = await sql`
    select i.id, r.full_name, i.number, i.title, i.assigned_to, i.attempts, i.assigned_at, i.last_error,
      extract(epoch from now() - coalesce(i.last_heartbeat_at, i.assigned_at))::float8 as heartbeat_age,
      extract(epoch from i.lease_expires_at - now())::float8 as expires_in
    from issues i join repositories r on r.id = i.repository_id
    where i.assignment_status = 'assigned' ${agentId === undefined ? sql`` : sql`and i.assigned_to = ${agentId}`}
      ${staleFilter}
    order by i.assigned_at
    limit ${options.limit ?? 1000}`;
  return {
    totals,
    claimableNow: Number(claimable?.count ?? 0),
    staleAfterMinutes,
    agents: agentRows.map((row) => ({
      agentId: String(row.id),
      status: (row.status as string | null) ?? null,
      assigned: Number(row.assigned),
      completed: Number(row.completed),
      failed: Number(row.failed),
      lastSeenAt: toDateOrNull(row.last_seen_at),
      oldestHeartbeatAgeSeconds: row.oldest_heartbeat_age === null ? null : Number(row.oldest_heartbeat_age),
    })),
    assignments: assignmentRows.map((row) => {
      const age = row.heartbeat_age === null ? null : Number(row.heartbeat_age);
      const expiresIn = row.expires_in === null ? null : Number(row.expires_in);
      return {
        issueId: Number(row.id),
        repository: String(row.full_name),
        number: Number(row.number),
        title: String(row.title),
        agentId: (row.assigned_to as string | null) ?? null,
        attempts: Number(row.attempts),
        assignedAt: toDateOrNull(row.assigned_at),
        heartbeatAgeSeconds: age,
        leaseExpiresInSeconds: expiresIn,
        stale: (expiresIn !== null && expiresIn <= 0) || (age !== null && age >= staleSeconds),
        lastError: (row.last_error as string | null) ?? null,
      };
    }),
  };
}
