import type { Database } from "../db/client";

export type ResetTarget =
  | { kind: "all" }
  | { kind: "weekly" }
  | { kind: "repository"; repositoryId: number; label: string };

export interface ResetResult {
  scopes: string[];
  /** Settled cost that stopped counting, summed over the reset scopes. */
  clearedCostUsd: number;
}

/**
 * Starts a scope's window afresh: its used totals go back to zero while the ledger keeps every
 * entry (history and audit). Open reservations stay counted — their calls are still running and
 * will settle into the new window.
 */
export async function resetBudget(db: Database, target: ResetTarget, actor: string): Promise<ResetResult> {
  const sql = db.$client;
  const filter =
    target.kind === "all"
      ? sql`true`
      : target.kind === "weekly"
        ? sql`scope = 'weekly'`
        : sql`scope = ${`repository:${target.repositoryId}`}`;
  const name = target.kind === "repository" ? `repository:${target.repositoryId}` : target.kind;
  return sql.begin(async (tx) => {
    const rows = await tx`
      with before as (
        select scope, used_cost_usd from budget_counters where ${filter} order by scope for update
      )
      update budget_counters c set used_cost_usd = 0, used_input_tokens = 0, used_output_tokens = 0, used_ms = 0,
        calls = 0,
        window_start = case when c.scope = 'weekly' then greatest(now(), date_trunc('week', now(), 'UTC')) else now() end,
        updated_at = now()
      from before where c.scope = before.scope
      returning c.scope, before.used_cost_usd::float8 as cleared`;
    await tx`insert into budget_resets (scope, reset_by) values (${name}, ${actor})`;
    const clearedCostUsd = rows.reduce((sum, row) => sum + Number(row.cleared), 0);
    await tx`
      insert into events (actor, action, subject_type, subject_id, data)
      values (${actor}, 'budget.reset', 'budget', ${name}, ${JSON.stringify({
        target: target.kind === "repository" ? target.label : target.kind,
        scopes: rows.length,
        clearedCostUsd,
      })}::jsonb)`;
    return { scopes: rows.map((row) => String(row.scope)), clearedCostUsd };
  });
}
