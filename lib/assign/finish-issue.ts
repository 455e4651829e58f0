import type { Database } from "../db/client";
import { toDateOrNull } from "../db/raw-values";
import { type BackoffPolicy, defaultBackoff } from "./assignment-settings";
import { LeaseLostError } from "./lease";
import type { Lease } from "./types";

/**
 * Marks the issue completed. Accepted only from the current lease holder (token match): a holder
 * that lost its lease gets LeaseLostError and the issue's state is left to its new owner.
 */
export async function completeIssue(
  db: Database,
  lease: Lease,
  result: Record<string, unknown> = {},
): Promise<void> {
  const rows = await db.$client`
    with done as (
      update issues set
        assignment_status = 'completed', lease_token = null, lease_expires_at = null, updated_at = now()
      where id = ${lease.issueId} and lease_token = ${lease.leaseToken} and assignment_status = 'assigned'
      returning id, attempts, clock_timestamp() as at
    ), unranked as (
      -- Finished work leaves the ranking, so claims do not walk past it (claim-next-issue.ts).
      delete from issue_ranks where issue_id in (select id from done)
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${`agent:${lease.agentId}`}, 'issue.completed', 'issue', id::text,
        jsonb_build_object('agentId', ${lease.agentId}::text, 'leaseToken', ${lease.leaseToken}::text,
          'attempt', attempts, 'result', ${JSON.stringify(result)}::jsonb)
      from done
    )
    select id from done`;
  if (rows.length === 0) throw new LeaseLostError(lease);
}

export interface FailOptions {
  error: string;
  /** False for errors that will not go away by trying again (bad payload, per-issue budget spent). */
  retryable: boolean;
  maxAttempts: number;
  backoff?: BackoffPolicy;
}

export interface FailOutcome {
  status: "available" | "failed";
  availableAfter: Date | null;
}

/**
 * Records a failed attempt. A retryable failure returns the issue to the pool after an exponential
 * backoff until it has been attempted `maxAttempts` times; then, or when not retryable, it stays failed.
 */
export async function failIssue(db: Database, lease: Lease, options: FailOptions): Promise<FailOutcome> {
  const backoff = options.backoff ?? defaultBackoff;
  const error = options.error.slice(0, 2000);
  const rows = await db.$client`
    with failed as (
      update issues set
        assignment_status = case when ${options.retryable} and attempts < ${options.maxAttempts}
          then 'available' else 'failed' end,
        available_after = case when ${options.retryable} and attempts < ${options.maxAttempts}
          then now() + make_interval(secs => least(${backoff.maxSeconds}::float8,
            ${backoff.baseSeconds}::float8 * power(2, greatest(attempts - 1, 0))))
          else null end,
        assigned_to = case when ${options.retryable} and attempts < ${options.maxAttempts}
          then null else assigned_to end,
        last_error = ${error}, lease_token = null, lease_expires_at = null, updated_at = now()
      where id = ${lease.issueId} and lease_token = ${lease.leaseToken} and assignment_status = 'assigned'
      returning id, attempts, assignment_status, available_after, clock_timestamp() as at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select at, ${`agent:${lease.agentId}`}, 'issue.failed', 'issue', id::text,
        jsonb_build_object('agentId', ${lease.agentId}::text, 'leaseToken', ${lease.leaseToken}::text,
          'attempt', attempts, 'error', ${error}::text, 'retryable', ${options.retryable},
          'status', assignment_status, 'availableAfter', available_after)
      from failed
    )
    select assignment_status, available_after from failed`;
  const row = rows[0];
  if (!row) throw new LeaseLostError(lease);
  return {
    status: row.assignment_status as FailOutcome["status"],
    availableAfter: toDateOrNull(row.available_after),
  };
}
