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

/** The SQL that opens a new week for the `weekly` counter: used totals restart, reservations stay. */
export const rollWeekSql = `
  update budget_counters set used_cost_usd = 0, used_input_tokens = 0, used_output_tokens = 0,
    used_ms = 0, calls = 0, window_start = date_trunc('week', now(), 'UTC'), updated_at = now()
  where scope = 'weekly' and window_start < date_trunc('week', now(), 'UTC')`;

/** Makes sure a counter row exists for every scope, so that the reservation can lock them all. */
export async function ensureCounters(db: Database, keys: string[]): Promise<void> {
  await db.$client`
    insert into budget_counters (scope, window_start)
    select key, case when key = 'weekly' then date_trunc('week', now(), 'UTC') else now() end
    from unnest(${keys}::text[]) as key
    on conflict (scope) do nothing`;
}

/**
 * Reserves the worst case of one call against every limit that applies, or refuses it.
 *
 * Why no number of workers can overspend: the transaction locks the counter row of every scope the
 * call charges (always in key order, so two reservations cannot deadlock), checks
 * used + reserved + this call ≤ limit on the locked values, and adds the call to `reserved` before
 * releasing the locks at commit. Every reservation touching a scope is therefore serialised on that
 * scope's row, and each one sees all earlier ones. Settling later replaces a reservation by the real
 * usage, which the provider caps at the reserved output tokens and the call's timeout.
 */
export async function reserveBudget(db: Database, request: ReserveRequest): Promise<Reservation> {
  const scopes = scopesFor(request.subject);
  const keys = scopes.map((scope) => scope.key);
  const { estimate, limits } = request;
  const cost = usdText(estimate.costUsd, "up");
  const tokens = Math.ceil(estimate.tokens);
  const ms = Math.ceil(estimate.ms);
  // As array literal text: the Drizzle driver sends numeric[] parameters unserialised.
  const limitOf = (measure: BudgetMeasure) =>
    `{${scopes
      .map((scope) => {
        const value = limits[scope.kind][measure];
        if (value === null) return "NULL";
        return String(measure === "minutes" ? Math.floor(value * 60_000) : value);
      })
      .join(",")}}`;
  await ensureCounters(db, keys);
  const outcome = await db.$client.begin(async (tx) => {
    await tx`select scope from budget_counters where scope = any(${keys}::text[]) order by scope for update`;
    await tx.unsafe(rollWeekSql);
    const over = await tx`
      select l.scope, l.cost_limit::float8, l.token_limit::float8, l.ms_limit::float8,
        c.used_cost_usd::float8 as used_cost, c.reserved_cost_usd::float8 as reserved_cost,
        (c.used_input_tokens + c.used_output_tokens)::float8 as used_tokens, c.reserved_tokens::float8,
        c.used_ms::float8, c.reserved_ms::float8,
        l.cost_limit is not null and c.used_cost_usd + c.reserved_cost_usd + ${cost}::numeric > l.cost_limit as over_cost,
        l.token_limit is not null
          and c.used_input_tokens + c.used_output_tokens + c.reserved_tokens + ${tokens} > l.token_limit as over_tokens,
        l.ms_limit is not null and c.used_ms + c.reserved_ms + ${ms} > l.ms_limit as over_ms
      from unnest(${keys}::text[], ${limitOf("cost_usd")}::numeric[], ${limitOf("tokens")}::numeric[],
        ${limitOf("minutes")}::numeric[]) as l(scope, cost_limit, token_limit, ms_limit)
      join budget_counters c on c.scope = l.scope
      where (l.cost_limit is not null and c.used_cost_usd + c.reserved_cost_usd + ${cost}::numeric > l.cost_limit)
        or (l.token_limit is not null
          and c.used_input_tokens + c.used_output_tokens + c.reserved_tokens + ${tokens} > l.token_limit)
        or (l.ms_limit is not null and c.used_ms + c.reserved_ms + ${ms} > l.ms_limit)
      order by l.scope`;
    const first = over[0];
    if (first) {
      const scope = scopes.find((entry) => entry.key === first.scope)!;
      const error = first.over_cost
        ? new BudgetExceededError(scope.key, scope.kind, "cost_usd", {
            used: Number(first.used_cost),
            reserved: Number(first.reserved_cost),
            requested: Number(cost),
            limit: Number(first.cost_limit),
          })
        : first.over_tokens
          ? new BudgetExceededError(scope.key, scope.kind, "tokens", {
              used: Number(first.used_tokens),
              reserved: Number(first.reserved_tokens),
              requested: tokens,
              limit: Number(first.token_limit),
            })
          : new BudgetExceededError(scope.key, scope.kind, "minutes", {
              used: Number(first.used_ms) / 60_000,
              reserved: Number(first.reserved_ms) / 60_000,
              requested: ms / 60_000,
              limit: Number(first.ms_limit) / 60_000,
            });
      await tx`
        insert into events (actor, action, subject_type, subject_id, data)
        values (${request.subject.agentId ? `agent:${request.subject.agentId}` : "system"}, 'budget.refused',
          'budget', ${scope.key}, ${JSON.stringify({
            measure: error.measure,
            ...error.figures,
            model: request.model,
            issueId: request.subject.issueId ?? null,
          })}::jsonb)`;
      return error;
    }
    await tx`
      update budget_counters set
        reserved_cost_usd = reserved_cost_usd + ${cost}::numeric,
        reserved_tokens = reserved_tokens + ${tokens},
        reserved_ms = reserved_ms + ${ms},
        updated_at = now()
      where scope = any(${keys}::text[])`;
    const [entry] = await tx`
      insert into budget_entries (status, agent_id, issue_id, repository_id, language, model,
        reserved_cost_usd, reserved_tokens, reserved_ms, scopes, expires_at)
      values ('reserved', ${request.subject.agentId ?? null}, ${request.subject.issueId ?? null},
        ${request.subject.repositoryId ?? null}, ${request.subject.language?.toLowerCase() ?? null}, ${request.model},
        ${cost}::numeric, ${tokens}, ${ms}, ${keys}::text[],
        now() + make_interval(secs => ${(ms + expiryMarginMs) / 1000}))
      returning id`;
    return Number(entry!.id);
  });
  if (outcome instanceof BudgetExceededError) throw outcome;
  return {
    entryId: outcome,
    scopes: keys,
    estimate: { costUsd: Number(cost), tokens, ms },
    startedAt: Date.now(),
  };
}
