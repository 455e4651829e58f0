import type { Database } from "../db/client";
import { BudgetExceededError } from "./budget-errors";
import type { BudgetLimits, BudgetMeasure } from "./limits";
import { usdText } from "./prices";
import { type BudgetSubject, scopesFor } from "./scopes";

/** The worst case of one call: what may be spent if everything goes as badly as allowed. */
export interface BudgetEstimate {
  costUsd: number;
  tokens: number;
  /** The call is aborted after this long, so it can never use more wall time. */
  ms: number;
}

export interface Reservation {
  entryId: number;
  scopes: string[];
  estimate: BudgetEstimate;
  startedAt: number;
}

export interface ReserveRequest {
  subject: BudgetSubject;
  model: string;
  estimate: BudgetEstimate;
  limits: BudgetLimits;
}

// Reservations outlive their call's timeout by this margin before cleanup charges them in full.
const expiryMarginMs = 60_000;

/** Makes sure a counter row exists for every scope, so that the reservation can lock them all. */
export async function ensureCounters(db: Database, keys: string[]): Promise<void> {
  await db.$client`
    insert into budget_counters (scope, window_start)
    select key, case when key = 'weekly' then date_trunc('week', now(), 'UTC') else now() end
    from unnest(${keys}::text[]) as key
    on conflict (scope) do nothing`;
}

/** Limits per scope as a PostgreSQL array literal (the Drizzle driver sends numeric[] unserialised). */
export function limitArray(values: (number | null)[]): string {
  return `{${values.map((value) => (value === null ? "NULL" : String(value))).join(",")}}`;
}

/**
 * Reserves the worst case of one call against every limit that applies, or refuses it.
 *
 * Why no number of workers can overspend: one statement locks the counter row of every scope the
 * call charges (sorted by key, so two reservations cannot deadlock), checks
 * used + reserved + this call ≤ limit on the locked rows, and — only if every check passes — adds
 * the call to `reserved` and writes its ledger entry; the locks are held until that commits. Every
 * reservation touching a scope is serialised on that scope's row and sees all earlier ones. Settling
 * later replaces a reservation by the real usage, which the provider caps at the reserved output
 * tokens and the call at its timeout. One statement keeps the locks for a single round trip.
 */
export async function reserveBudget(db: Database, request: ReserveRequest): Promise<Reservation> {
  const scopes = scopesFor(request.subject);
  const keys = scopes.map((scope) => scope.key);
  const { estimate, limits, subject } = request;
  const cost = usdText(estimate.costUsd, "up");
  const tokens = Math.ceil(estimate.tokens);
  const ms = Math.ceil(estimate.ms);
  const limitOf = (measure: BudgetMeasure) =>
    limitArray(
      scopes.map((scope) => {
        const value = limits[scope.kind][measure];
        return value === null ? null : measure === "minutes" ? Math.floor(value * 60_000) : value;
      }),
    );
  const attempt = () => db.$client`
    with limits as (
      select * from unnest(${keys}::text[], ${limitOf("cost_usd")}::numeric[], ${limitOf("tokens")}::numeric[],
        ${limitOf("minutes")}::numeric[]) as l(scope, cost_limit, token_limit, ms_limit)
    ), locked as (
      select c.scope, (c.scope = 'weekly' and c.window_start < date_trunc('week', now(), 'UTC')) as stale,
        c.used_cost_usd,
        c.used_input_tokens + c.used_output_tokens as used_tokens, c.used_ms,
        c.reserved_cost_usd, c.reserved_tokens, c.reserved_ms
      from budget_counters c
      where c.scope = any(${keys}::text[])
      order by c.scope
      for update
    ), checked as (
      select k.scope, l.cost_limit, l.token_limit, l.ms_limit,
        case when k.stale then 0 else k.used_cost_usd end as used_cost,
        case when k.stale then 0 else k.used_tokens end as used_tokens,
        case when k.stale then 0 else k.used_ms end as used_ms,
        k.reserved_cost_usd, k.reserved_tokens, k.reserved_ms
      from locked k join limits l on l.scope = k.scope
    ), over as (
      select *,
        cost_limit is not null and used_cost + reserved_cost_usd + ${cost}::numeric > cost_limit as over_cost,
        token_limit is not null and used_tokens + reserved_tokens + ${tokens} > token_limit as over_tokens,
        ms_limit is not null and used_ms + reserved_ms + ${ms} > ms_limit as over_ms
      from checked
      where (cost_limit is not null and used_cost + reserved_cost_usd + ${cost}::numeric > cost_limit)
        or (token_limit is not null and used_tokens + reserved_tokens + ${tokens} > token_limit)
        or (ms_limit is not null and used_ms + reserved_ms + ${ms} > ms_limit)
    ), verdict as (
      select (select count(*) from locked) = ${keys.length} and not exists (select 1 from over) as granted
    ), counted as (
      update budget_counters c set
        reserved_cost_usd = c.reserved_cost_usd + ${cost}::numeric,
        reserved_tokens = c.reserved_tokens + ${tokens},
        reserved_ms = c.reserved_ms + ${ms},
        used_cost_usd = case when k.stale then 0 else c.used_cost_usd end,
        used_input_tokens = case when k.stale then 0 else c.used_input_tokens end,
        used_output_tokens = case when k.stale then 0 else c.used_output_tokens end,
        used_ms = case when k.stale then 0 else c.used_ms end,
        calls = case when k.stale then 0 else c.calls end,
        window_start = case when k.stale then date_trunc('week', now(), 'UTC') else c.window_start end,
        updated_at = now()
      from locked k
      where c.scope = k.scope and (select granted from verdict)
      returning c.scope
    ), entry as (
      insert into budget_entries (status, agent_id, issue_id, repository_id, language, model,
        reserved_cost_usd, reserved_tokens, reserved_ms, scopes, expires_at)
      select 'reserved', ${subject.agentId ?? null}, ${subject.issueId ?? null}, ${subject.repositoryId ?? null},
        ${subject.language?.toLowerCase() ?? null}, ${request.model}, ${cost}::numeric, ${tokens}, ${ms},
        ${keys}::text[], now() + make_interval(secs => ${(ms + expiryMarginMs) / 1000})
      where (select granted from verdict)
      returning id
    ), refusal as (
      insert into events (actor, action, subject_type, subject_id, data)
      select ${subject.agentId ? `agent:${subject.agentId}` : "system"}, 'budget.refused', 'budget', o.scope,
        jsonb_build_object('measure', case when o.over_cost then 'cost_usd' when o.over_tokens then 'tokens' else 'minutes' end,
          'used', case when o.over_cost then o.used_cost when o.over_tokens then o.used_tokens else o.used_ms / 60000.0 end,
          'reserved', case when o.over_cost then o.reserved_cost_usd when o.over_tokens then o.reserved_tokens
            else o.reserved_ms / 60000.0 end,
          'limit', case when o.over_cost then o.cost_limit when o.over_tokens then o.token_limit else o.ms_limit / 60000.0 end,
          'requested', case when o.over_cost then ${cost}::numeric when o.over_tokens then ${tokens}::numeric
            else ${ms}::numeric / 60000.0 end,
          'model', ${request.model}::text, 'issueId', ${subject.issueId ?? null}::bigint)
      from (select * from over order by scope limit 1) o
      where (select count(*) from locked) = ${keys.length}
      returning subject_id, data
    )
    select (select count(*) from locked)::int as found, (select id from entry) as entry_id,
      (select json_build_object('scope', subject_id, 'data', data) from refusal) as refusal`;
  let [row] = await attempt();
  if (row && row.found < keys.length) {
    // First call for this issue / repository / language (or week): create its counters, then retry.
    await ensureCounters(db, keys);
    [row] = await attempt();
  }
  if (!row || row.found < keys.length) throw new Error("budget counters are missing after creating them");
  if (row.refusal) {
    const { scope: key, data } = row.refusal as {
      scope: string;
      data: { measure: BudgetMeasure; used: number; reserved: number; limit: number; requested: number };
    };
    const scope = scopes.find((entry) => entry.key === key)!;
    throw new BudgetExceededError(scope.key, scope.kind, data.measure, {
      used: Number(data.used),
      reserved: Number(data.reserved),
      requested: Number(data.requested),
      limit: Number(data.limit),
    });
  }
  return {
    entryId: Number(row.entry_id),
    scopes: keys,
    estimate: { costUsd: Number(cost), tokens, ms },
    startedAt: Date.now(),
  };
}
