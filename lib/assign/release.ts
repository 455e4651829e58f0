import type { Database } from "../db/client";
import { AppError } from "../errors";
import { LeaseLostError } from "./lease";
import type { Lease } from "./types";

export type ReleaseReason =
  | "shutdown"
  | "budget"
  | "lease_expired"
  | "no_heartbeat"
  | "agent_released"
  | "admin";

export interface ReleasedAssignment {
  issueId: number;
  agentId: string | null;
  leaseToken: string | null;
  /** `available`, or `failed` when a stale issue had used up its attempts. */
  status: "available" | "failed";
}

function toReleased(rows: readonly Record<string, unknown>[]): ReleasedAssignment[] {
  return rows.map((row) => ({
    issueId: Number(row.id),
    agentId: (row.agent_id as string | null) ?? null,
    leaseToken: (row.lease_token as string | null) ?? null,
    status: row.assignment_status as ReleasedAssignment["status"],
  }));
}

/**
 * The holder gives its issue back without blaming the issue (shutdown, budget pause): the attempt
 * is refunded, and `deferSeconds` keeps it out of the pool for a while (a spent repository budget).
 */
export async function releaseLease(
  db: Database,
  lease: Lease,
  options: { reason: ReleaseReason; deferSeconds?: number; refundAttempt?: boolean },
): Promise<void> {
  const refund = options.refundAttempt ?? true;
  const defer = options.deferSeconds ?? 0;
  const rows = await db.$client`
    with released as (
      update issues set
        assignment_status = 'available', assigned_to = null, lease_token = null, lease_expires_at = null,
        attempts = case when ${refund} then greatest(attempts - 1, 0) else attempts end,
        available_after = case when ${defer} > 0 then now() + make_interval(secs => ${defer}) else null end,
        updated_at = now()
      where id = ${lease.issueId} and lease_token = ${lease.leaseToken} and assignment_status = 'assigned'
      returning id, clock_timestamp() as at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${`agent:${lease.agentId}`}, 'issue.released', 'issue', id::text,
        jsonb_build_object('agentId', ${lease.agentId}::text, 'leaseToken', ${lease.leaseToken}::text,
          'reason', ${options.reason}::text, 'status', 'available', 'deferSeconds', ${defer}::int)
      from released
    )
    select id from released`;
  if (rows.length === 0) throw new LeaseLostError(lease);
}

/**
 * Returns assignments whose holder stopped heartbeating to the pool: the lease expired, or (with
 * `olderThanMinutes`) the last heartbeat is older than that. An issue that has already been
 * attempted `maxAttempts` times is marked failed instead, so a job that kills its worker every time
 * cannot circulate forever. Rows being renewed right now are skipped (SKIP LOCKED), never waited on.
 */
export async function releaseStaleAssignments(
  db: Database,
  options: { maxAttempts: number; olderThanMinutes?: number; actor?: string },
): Promise<ReleasedAssignment[]> {
  const minutes = options.olderThanMinutes ?? null;
  const actor = options.actor ?? "system";
  const rows = await db.$client`
    with stale as (
      select id, assigned_to, lease_token, lease_expires_at, last_heartbeat_at from issues
      where assignment_status = 'assigned'
        and (lease_expires_at <= now()
          or (${minutes}::float8 is not null
            and coalesce(last_heartbeat_at, assigned_at) <= now() - make_interval(secs => ${minutes}::float8 * 60)))
      for update skip locked
    ), released as (
      update issues i set
        assignment_status = case when i.attempts >= ${options.maxAttempts} then 'failed' else 'available' end,
        assigned_to = case when i.attempts >= ${options.maxAttempts} then i.assigned_to else null end,
        last_error = case when i.attempts >= ${options.maxAttempts}
          then 'The agent stopped heartbeating on the last allowed attempt.' else i.last_error end,
        lease_token = null, lease_expires_at = null, updated_at = now()
      from stale
      where i.id = stale.id
      returning i.id, i.assignment_status, stale.assigned_to as agent_id, stale.lease_token,
        stale.lease_expires_at, stale.last_heartbeat_at, clock_timestamp() as at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${actor},
        case when assignment_status = 'failed' then 'issue.failed' else 'issue.released' end,
        'issue', id::text,
        jsonb_build_object('agentId', agent_id, 'leaseToken', lease_token, 'status', assignment_status,
          'reason', case when lease_expires_at <= now() then 'lease_expired' else 'no_heartbeat' end,
          'lastHeartbeatAt', last_heartbeat_at)
      from released
    )
    select id, agent_id, lease_token, assignment_status from released`;
  return toReleased(rows);
}

/** Whether this agent id has ever registered or held an issue. */
export async function agentExists(db: Database, agentId: string): Promise<boolean> {
  const rows = await db.$client`
    select 1 from agents where id = ${agentId}
    union all
    select 1 from issues where assigned_to = ${agentId}
    limit 1`;
  return rows.length > 0;
}

/** `assign release AGENT_ID`: every issue the agent holds goes back to the pool. */
export async function releaseAgentAssignments(
  db: Database,
  agentId: string,
  actor: string,
): Promise<ReleasedAssignment[]> {
  if (!(await agentExists(db, agentId))) {
    throw new AppError("not_found:assignment", `No agent with id "${agentId}".`, {
      hint: "`globallm assign status` lists the agents.",
    });
  }
  const rows = await db.$client`
    with held as (
      select id, lease_token from issues
      where assignment_status = 'assigned' and assigned_to = ${agentId}
      for update
    ), released as (
      update issues i set
        assignment_status = 'available', assigned_to = null, lease_token = null, lease_expires_at = null,
        available_after = null, updated_at = now()
      from held where i.id = held.id
      returning i.id, i.assignment_status, held.lease_token, clock_timestamp() as at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${actor}, 'issue.released', 'issue', id::text,
        jsonb_build_object('agentId', ${agentId}::text, 'leaseToken', lease_token,
          'reason', 'agent_released', 'status', 'available')
      from released
    )
    select id, ${agentId}::text as agent_id, lease_token, assignment_status from released`;
  return toReleased(rows);
}

async function requireIssue(db: Database, issueId: number): Promise<string> {
  const [row] = await db.$client`select assignment_status from issues where id = ${issueId}`;
  if (!row) throw new AppError("not_found:issue", `No issue with id ${issueId}.`);
  return String(row.assignment_status);
}

/** An admin takes one issue away from its agent (the kanban's "release"). */
export async function releaseIssue(
  db: Database,
  issueId: number,
  actor: string,
): Promise<ReleasedAssignment> {
  const rows = await db.$client`
    with held as (
      select id, assigned_to, lease_token from issues
      where id = ${issueId} and assignment_status = 'assigned'
      for update
    ), released as (
      update issues i set
        assignment_status = 'available', assigned_to = null, lease_token = null, lease_expires_at = null,
        available_after = null, updated_at = now()
      from held where i.id = held.id
      returning i.id, i.assignment_status, held.assigned_to as agent_id, held.lease_token, clock_timestamp() as at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${actor}, 'issue.released', 'issue', id::text,
        jsonb_build_object('agentId', agent_id, 'leaseToken', lease_token, 'reason', 'admin', 'status', 'available')
      from released
    )
    select id, agent_id, lease_token, assignment_status from released`;
  const [released] = toReleased(rows);
  if (released) return released;
  const status = await requireIssue(db, issueId);
  throw new AppError(
    "conflict:assignment",
    `Issue ${issueId} is ${status}, not assigned; nothing to release.`,
  );
}

/**
 * An admin gives a failed issue (or one waiting out its backoff) a fresh start: available now,
 * attempts back to zero.
 */
export async function retryIssue(db: Database, issueId: number, actor: string): Promise<void> {
  const rows = await db.$client`
    with retried as (
      update issues set
        assignment_status = 'available', assigned_to = null, attempts = 0, available_after = null,
        updated_at = now()
      where id = ${issueId}
        and (assignment_status = 'failed' or (assignment_status = 'available' and available_after > now()))
      returning id, clock_timestamp() as at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${actor}, 'issue.retried', 'issue', id::text, jsonb_build_object('status', 'available')
      from retried
    )
    select id from retried`;
  if (rows.length > 0) return;
  const status = await requireIssue(db, issueId);
  throw new AppError(
    "conflict:assignment",
    `Issue ${issueId} is ${status}; only failed or waiting issues can be retried.`,
  );
}
