import type postgres from "postgres";
import type { Database } from "../db/client";
import { toDate } from "../db/raw-values";
import type { ClaimedIssue, ClaimFilters } from "./types";

export interface ClaimOptions {
  agentId: string;
  leaseSeconds: number;
  filters?: ClaimFilters;
}

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/** Filters on the issue `i`. */
function issueFilterSql(sql: postgres.Sql, filters: ClaimFilters): Fragment {
  const parts: Fragment[] = [];
  if (filters.issueId !== undefined) parts.push(sql`and i.id = ${filters.issueId}`);
  if (filters.repositoryIds?.length)
    parts.push(sql`and i.repository_id = any(${filters.repositoryIds}::bigint[])`);
  if (filters.languages?.length) {
    const languages = filters.languages.map((language) => language.toLowerCase());
    parts.push(
      sql`and i.repository_id in (select id from repositories where lower(language) = any(${languages}::text[]))`,
    );
  }
  return parts.reduce((all, part) => sql`${all} ${part}`, sql``);
}

/**
 * Which ranked issues (`i` with a row `k` in issue_ranks) may be handed to an agent now: open, not
 * skipped, nobody on it (agent, linked pull request, or a person), and not waiting out a backoff.
 * The rank row was written when the issue qualified; these are the facts that may have changed since.
 */
export function claimablePredicate(sql: postgres.Sql): Fragment {
  return sql`i.assignment_status = 'available' and i.state = 'open' and not i.skipped
    and not i.has_linked_pr and not i.has_human_assignee
    and (i.available_after is null or i.available_after <= now())`;
}

/**
 * The claim statement itself: the candidate is picked and row-locked with SKIP LOCKED (so
 * concurrent claimers never wait on each other and never get the same row), then updated with a
 * fresh lease token, and the `issue.claimed` event is written by the same statement — a claim never
 * exists without its audit row. Exposed so that a test can EXPLAIN exactly what runs.
 *
 * The ORDER BY repeats `issue_ranks_claim_idx` exactly (column order, NULLS placement) so the
 * planner walks that index; each rank row's issue is then looked up by primary key, checked and
 * locked by a LATERAL subquery. A subquery with FOR UPDATE is never merged into the outer join,
 * so this plan holds whatever the statistics say (with the two tables joined freely, a planner
 * that believed few issues available would read all of them and sort). Finished issues leave the
 * ranking (completeIssue), so the walk passes only issues agents hold, have failed or people skipped.
 */
export function claimStatement(sql: postgres.Sql, options: ClaimOptions): Fragment {
  const { agentId, leaseSeconds } = options;
  const filters = options.filters ?? {};
  return sql`
    with candidate as (
      select held.id, k.priority
      from issue_ranks k
      cross join lateral (
        select i.id from issues i
        where i.id = k.issue_id and ${claimablePredicate(sql)} ${issueFilterSql(sql, filters)}
        for update skip locked
      ) held
      ${filters.minPriority !== undefined ? sql`where k.priority >= ${filters.minPriority}` : sql``}
      order by k.pinned desc nulls last, k.priority desc nulls last, k.issue_id
      limit 1
    ), claimed as (
      update issues i set
        assignment_status = 'assigned',
        assigned_to = ${agentId},
        assigned_at = now(),
        lease_token = gen_random_uuid(),
        lease_expires_at = now() + make_interval(secs => ${leaseSeconds}),
        last_heartbeat_at = now(),
        attempts = i.attempts + 1,
        available_after = null,
        updated_at = now()
      from candidate
      where i.id = candidate.id
      returning i.id, i.repository_id, i.number, i.title, i.url, candidate.priority, i.pinned,
        i.lease_token, i.lease_expires_at, i.attempts, clock_timestamp() as claimed_at
    ), audit as (
      insert into events (at, actor, action, subject_type, subject_id, data)
      select claimed_at, ${`agent:${agentId}`}, 'issue.claimed', 'issue', id::text,
        jsonb_build_object('agentId', ${agentId}::text, 'leaseToken', lease_token, 'attempt', attempts,
          'leaseExpiresAt', lease_expires_at)
      from claimed
    )
    select claimed.*, r.full_name, r.language
    from claimed join repositories r on r.id = claimed.repository_id`;
}

/** Hands the highest-priority available issue to one agent, in one statement (see claimStatement). */
export async function claimNextIssue(db: Database, options: ClaimOptions): Promise<ClaimedIssue | null> {
  const rows = await claimStatement(db.$client, options);
  const { agentId } = options;
  const row = rows[0];
  if (!row) return null;
  return {
    issueId: Number(row.id),
    repositoryId: Number(row.repository_id),
    repositoryFullName: String(row.full_name),
    language: (row.language as string | null) ?? null,
    number: Number(row.number),
    title: String(row.title),
    url: (row.url as string | null) ?? null,
    priority: row.priority === null ? null : Number(row.priority),
    pinned: Boolean(row.pinned),
    leaseToken: String(row.lease_token),
    leaseExpiresAt: toDate(row.lease_expires_at),
    agentId,
    attempt: Number(row.attempts),
    claimedAt: toDate(row.claimed_at),
  };
}
