import type { Database } from "../db/client";
import type { BudgetLimits, BudgetMeasure } from "./limits";
import { usdText } from "./prices";
import { rollWeekSql } from "./reserve";
import { scopeKind } from "./scopes";

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

function crossings(
  limits: BudgetLimits | undefined,
  before: Map<string, Record<BudgetMeasure, number>>,
  after: Map<string, Record<BudgetMeasure, number>>,
): BudgetWarning[] {
  if (!limits) return [];
  const warnings: BudgetWarning[] = [];
  for (const [scope, now] of after) {
    const then = before.get(scope);
    if (!then) continue;
    for (const measure of ["cost_usd", "tokens", "minutes"] as const) {
      const limit = limits[scopeKind(scope)][measure];
      if (limit === null || limit <= 0) continue;
      for (const threshold of warningThresholds) {
        if (then[measure] < threshold * limit && now[measure] >= threshold * limit) {
          warnings.push({ scope, measure, threshold, used: now[measure], limit });
        }
      }
    }
  }
  return warnings;
}

function usedByScope(rows: readonly Record<string, unknown>[]): Map<string, Record<BudgetMeasure, number>> {
  return new Map(
    rows.map((row) => [
      String(row.scope),
      {
        cost_usd: Number(row.used_cost),
        tokens: Number(row.used_tokens),
        minutes: Number(row.used_ms) / 60_000,
      },
    ]),
  );
}

/**
 * Replaces a reservation by what the call really used, on every scope it charged, and records
 * 80% / 90% crossings as `budget.warning` events (returned for the caller to log). Settling twice is
 * harmless: the second finds no open reservation and changes nothing.
 */
export async function settleBudget(
  db: Database,
  entryId: number,
  reported: ActualUsage,
  options: { limits?: BudgetLimits; note?: string; actor?: string; chargeReserved?: boolean } = {},
): Promise<BudgetWarning[]> {
  let cost = usdText(reported.costUsd, "nearest");
  let usage = reported;
  return db.$client.begin(async (tx) => {
    const [entry] = await tx`
      select id, scopes, reserved_cost_usd, reserved_tokens, reserved_ms, agent_id from budget_entries
      where id = ${entryId} and status = 'reserved' for update`;
    if (!entry) return [];
    const keys = entry.scopes as string[];
    await tx`select scope from budget_counters where scope = any(${keys}::text[]) order by scope for update`;
    await tx.unsafe(rollWeekSql);
    const before = usedByScope(
      await tx`
      select scope, used_cost_usd::float8 as used_cost, (used_input_tokens + used_output_tokens)::float8 as used_tokens,
        used_ms::float8 from budget_counters where scope = any(${keys}::text[])`,
    );
    if (options.chargeReserved) {
      cost = String(entry.reserved_cost_usd);
      usage = {
        inputTokens: 0,
        outputTokens: Number(entry.reserved_tokens),
        costUsd: Number(cost),
        wallMs: Number(entry.reserved_ms),
      };
    }
    const after = usedByScope(
      await tx`
      update budget_counters set
        reserved_cost_usd = reserved_cost_usd - ${entry.reserved_cost_usd}::numeric,
        reserved_tokens = reserved_tokens - ${entry.reserved_tokens}::bigint,
        reserved_ms = reserved_ms - ${entry.reserved_ms}::bigint,
        used_cost_usd = used_cost_usd + ${cost}::numeric,
        used_input_tokens = used_input_tokens + ${Math.round(usage.inputTokens)},
        used_output_tokens = used_output_tokens + ${Math.round(usage.outputTokens)},
        used_ms = used_ms + ${Math.round(usage.wallMs)},
        calls = calls + 1,
        updated_at = now()
      where scope = any(${keys}::text[])
      returning scope, used_cost_usd::float8 as used_cost, (used_input_tokens + used_output_tokens)::float8 as used_tokens,
        used_ms::float8`,
    );
    await tx`
      update budget_entries set status = 'settled', input_tokens = ${Math.round(usage.inputTokens)},
        output_tokens = ${Math.round(usage.outputTokens)}, cost_usd = ${cost}::numeric,
        wall_ms = ${Math.round(usage.wallMs)}, note = ${options.note ?? null}, settled_at = now()
      where id = ${entryId}`;
    const warnings = crossings(options.limits, before, after);
    for (const warning of warnings) {
      await tx`
        insert into events (actor, action, subject_type, subject_id, data)
        values (${options.actor ?? (entry.agent_id ? `agent:${entry.agent_id}` : "system")}, 'budget.warning', 'budget',
          ${warning.scope}, ${JSON.stringify(warning)}::jsonb)`;
    }
    return warnings;
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
