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
  const rows = await db.$client`
    select scope,
      case when scope = 'weekly' and window_start < date_trunc('week', now(), 'UTC') then 0 else used_cost_usd end
        + reserved_cost_usd as cost,
      case when scope = 'weekly' and window_start < date_trunc('week', now(), 'UTC') then 0
        else used_input_tokens + used_output_tokens end + reserved_tokens as tokens,
      case when scope = 'weekly' and window_start < date_trunc('week', now(), 'UTC') then 0 else used_ms end
        + reserved_ms as ms
    from budget_counters where scope in ('overall', 'weekly')`;
  return rows.every((row) => {
    const kind = row.scope === "overall" ? "overall" : "weekly";
    const { cost_usd: cost, tokens, minutes } = limits[kind];
    if (cost !== null && Number(row.cost) + Number(usdText(minimum.costUsd, "up")) > cost) return false;
    if (tokens !== null && Number(row.tokens) + minimum.tokens > tokens) return false;
    if (minutes !== null && Number(row.ms) + minimum.ms > minutes * 60_000) return false;
    return true;
  });
}
