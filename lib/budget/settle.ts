import type { Database } from "../db/client";
import { type BudgetLimits, type BudgetMeasure, budgetScopeKinds as scopeKinds } from "./limits";
import { usdText } from "./prices";
import { limitArray } from "./reserve";

export interface ActualUsage {
  inputTokens: number;
  outputTokens: number;
  costUsd: number;
  wallMs: number;
}

export interface BudgetWarning {
  scope: string;
  measure: BudgetMeasure;
  /** 0.8 or 0.9: the share of the limit that settled spend has just reached. */
  threshold: number;
  used: number;
  limit: number;
}

export const warningThresholds = [0.8, 0.9] as const;

/**
 * Replaces a reservation by what the call really used, on every scope it charged, in one statement
 * (the entry, then the counters locked in key order, then any 80% / 90% crossings as
 * `budget.warning` events — returned for the caller to log). `chargeReserved` settles at the
 * reserved worst case, for calls whose real usage is unknown. Settling twice is harmless: the
 * second finds no open reservation and changes nothing.
 */
export async function settleBudget(
  db: Database,
  entryId: number,
  usage: ActualUsage,
  options: { limits?: BudgetLimits; note?: string; actor?: string; chargeReserved?: boolean } = {},
): Promise<BudgetWarning[]> {
  const cost = usdText(usage.costUsd, "nearest");
  const charge = options.chargeReserved === true;
  const limitsOf = (measure: BudgetMeasure) =>
    limitArray(scopeKinds.map((kind) => options.limits?.[kind][measure] ?? null));
  const rows = await db.$client`
    with entry as (
      update budget_entries set status = 'settled',
        input_tokens = case when ${charge} then 0 else ${Math.round(usage.inputTokens)} end,
        output_tokens = case when ${charge} then reserved_tokens else ${Math.round(usage.outputTokens)} end,
        cost_usd = case when ${charge} then reserved_cost_usd else ${cost}::numeric end,
        wall_ms = case when ${charge} then reserved_ms else ${Math.round(usage.wallMs)} end,
        note = ${options.note ?? null}, settled_at = now()
      where id = ${entryId} and status = 'reserved'
      returning scopes, reserved_cost_usd, reserved_tokens, reserved_ms, input_tokens, output_tokens, cost_usd,
        wall_ms, agent_id
    ), locked as (
      select c.scope, (c.scope = 'weekly' and c.window_start < date_trunc('week', now(), 'UTC')) as stale,
        c.used_cost_usd, c.used_input_tokens + c.used_output_tokens as used_tokens, c.used_ms
      from budget_counters c
      where c.scope in (select unnest(scopes) from entry)
      order by c.scope
      for update
    ), counted as (
      update budget_counters c set
        reserved_cost_usd = c.reserved_cost_usd - e.reserved_cost_usd,
        reserved_tokens = c.reserved_tokens - e.reserved_tokens,
        reserved_ms = c.reserved_ms - e.reserved_ms,
        used_cost_usd = case when k.stale then 0 else c.used_cost_usd end + e.cost_usd,
        used_input_tokens = case when k.stale then 0 else c.used_input_tokens end + e.input_tokens,
        used_output_tokens = case when k.stale then 0 else c.used_output_tokens end + e.output_tokens,
        used_ms = case when k.stale then 0 else c.used_ms end + e.wall_ms,
        calls = case when k.stale then 0 else c.calls end + 1,
        window_start = case when k.stale then date_trunc('week', now(), 'UTC') else c.window_start end,
        updated_at = now()
      from locked k, entry e
      where c.scope = k.scope
      returning c.scope, c.used_cost_usd, c.used_input_tokens + c.used_output_tokens as used_tokens, c.used_ms
    ), kinds as (
      select * from unnest(${scopeKinds as unknown as string[]}::text[], ${limitsOf("cost_usd")}::numeric[],
        ${limitsOf("tokens")}::numeric[], ${limitsOf("minutes")}::numeric[]) as l(kind, cost_limit, token_limit, minute_limit)
    ), crossed as (
      select n.scope, m.measure, t.threshold, m.after, m.lim
      from counted n
      join locked k on k.scope = n.scope
      join kinds l on l.kind = case when n.scope in ('overall', 'weekly') then n.scope
        when n.scope like 'repository:%' then 'per_repo' when n.scope like 'language:%' then 'per_language'
        else 'per_issue' end
      cross join lateral (values
        ('cost_usd', case when k.stale then 0 else k.used_cost_usd end, n.used_cost_usd, l.cost_limit),
        ('tokens', case when k.stale then 0 else k.used_tokens end, n.used_tokens, l.token_limit),
        ('minutes', case when k.stale then 0 else k.used_ms end / 60000.0, n.used_ms / 60000.0, l.minute_limit)
      ) as m(measure, before, after, lim)
      cross join unnest(${limitArray([...warningThresholds])}::numeric[]) as t(threshold)
      where m.lim is not null and m.lim > 0 and m.before < t.threshold * m.lim and m.after >= t.threshold * m.lim
    ), warned as (
      insert into events (actor, action, subject_type, subject_id, data)
      select coalesce(${options.actor ?? null}, 'agent:' || (select agent_id from entry), 'system'), 'budget.warning',
        'budget', scope,
        jsonb_build_object('scope', scope, 'measure', measure, 'threshold', threshold, 'used', after, 'limit', lim)
      from crossed
      returning data
    )
    select data from warned`;
  return rows.map((row) => {
    const data = row.data as Record<string, unknown>;
    return {
      scope: String(data.scope),
      measure: data.measure as BudgetMeasure,
      threshold: Number(data.threshold),
      used: Number(data.used),
      limit: Number(data.limit),
    };
  });
}

/**
 * Reservations whose call can no longer be running (past its timeout plus a margin) belong to a
 * worker that died mid-call. Nobody knows what that call used, so it is charged its full worst
 * case: overcounting is safe, undercounting could overspend.
 */
export async function expireReservations(db: Database, limits?: BudgetLimits): Promise<number> {
  const rows = await db.$client`
    select id from budget_entries where status = 'reserved' and expires_at < now()
    order by expires_at limit 500`;
  const unknown = { inputTokens: 0, outputTokens: 0, costUsd: 0, wallMs: 0 };
  for (const row of rows) {
    await settleBudget(db, Number(row.id), unknown, {
      limits,
      chargeReserved: true,
      note: "expired: the worker never settled this call; charged its reserved worst case",
      actor: "system",
    });
  }
  return rows.length;
}
