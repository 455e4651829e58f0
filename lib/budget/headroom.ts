import type { Database } from "../db/client";
import type { BudgetLimits } from "./limits";
import { usdText } from "./prices";
import type { BudgetEstimate } from "./reserve";

/**
 * Whether the overall and weekly budgets still have room for one more call of at least this size.
 * Advisory (nothing is locked): a worker asks before claiming so that an exhausted budget stops
 * claims instead of churning issues; the reservation itself is what enforces the limits.
 */
export async function hasGlobalHeadroom(
  db: Database,
  limits: BudgetLimits,
  minimum: BudgetEstimate,
): Promise<boolean> {
  // A scope without a counter row has spent nothing yet, but its limit still applies.
  const rows = await db.$client`
    with stale as (
      select scope, scope = 'weekly' and window_start < date_trunc('week', now(), 'UTC') as old_week
      from budget_counters where scope in ('overall', 'weekly')
    )
    select s.scope,
      coalesce(case when st.old_week then 0 else c.used_cost_usd end + c.reserved_cost_usd, 0) as cost,
      coalesce(case when st.old_week then 0 else c.used_input_tokens + c.used_output_tokens end + c.reserved_tokens, 0)
        as tokens,
      coalesce(case when st.old_week then 0 else c.used_ms end + c.reserved_ms, 0) as ms
    from (values ('overall'), ('weekly')) as s(scope)
    left join budget_counters c on c.scope = s.scope
    left join stale st on st.scope = s.scope`;
  return rows.every((row) => {
    const kind = row.scope === "overall" ? "overall" : "weekly";
    const { cost_usd: cost, tokens, minutes } = limits[kind];
    if (cost !== null && Number(row.cost) + Number(usdText(minimum.costUsd, "up")) > cost) return false;
    if (tokens !== null && Number(row.tokens) + minimum.tokens > tokens) return false;
    if (minutes !== null && Number(row.ms) + minimum.ms > minutes * 60_000) return false;
    return true;
  });
}
