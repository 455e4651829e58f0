import type { Database } from "../db/client";
import { type BudgetLimits, type BudgetMeasure, type BudgetScopeKind, budgetMeasureNames } from "./limits";
import { scopeKind } from "./scopes";

export interface MeasureUsage {
  used: number;
  reserved: number;
  /** null when the measure is unlimited for this scope. */
  limit: number | null;
  remaining: number | null;
  /** used / limit × 100, or null when unlimited. */
  percentUsed: number | null;
}

export interface ScopeUsage {
  scope: string;
  kind: BudgetScopeKind;
  /** Human name: "overall", "this week", "acme/widgets", "python", "acme/widgets#12". */
  label: string;
  windowStart: Date | null;
  calls: number;
  cost_usd: MeasureUsage;
  tokens: MeasureUsage;
  minutes: MeasureUsage;
}

export interface BudgetOverview {
  overall: ScopeUsage;
  weekly: ScopeUsage;
  languages: ScopeUsage[];
  /** Repositories by settled cost, highest first. */
  topRepositories: ScopeUsage[];
  topIssues: ScopeUsage[];
  /** Calls reserved and not yet settled, across all workers. */
  openReservations: number;
}

function measure(used: number, reserved: number, limit: number | null): MeasureUsage {
  return {
    used,
    reserved,
    limit,
    remaining: limit === null ? null : Math.max(0, limit - used - reserved),
    percentUsed: limit === null ? null : limit === 0 ? (used > 0 ? 100 : 0) : (used / limit) * 100,
  };
}

/**
 * What `budget show` and the budget settings page display: used, reserved, remaining and % per
 * scope. A weekly counter from an earlier week reads as zero (it restarts on its next use).
 */
export async function budgetOverview(
  db: Database,
  limits: BudgetLimits,
  options: { top?: number } = {},
): Promise<BudgetOverview> {
  const top = options.top ?? 10;
  const rows = await db.$client`
    with counters as (
      select c.*, (c.scope = 'weekly' and c.window_start < date_trunc('week', now(), 'UTC')) as stale_week
      from budget_counters c
    ), ranked as (
      select *, row_number() over (partition by split_part(scope, ':', 1) order by used_cost_usd desc,
        used_input_tokens + used_output_tokens desc, scope) as rank
      from counters
    )
    select r.scope, r.calls, r.window_start,
      case when stale_week then 0 else used_cost_usd end::float8 as used_cost,
      case when stale_week then 0 else used_input_tokens + used_output_tokens end::float8 as used_tokens,
      case when stale_week then 0 else used_ms end::float8 as used_ms,
      reserved_cost_usd::float8 as reserved_cost, reserved_tokens::float8, reserved_ms::float8,
      repo.full_name as repository, issue.number as issue_number, issue_repo.full_name as issue_repository
    from ranked r
    left join repositories repo
      on repo.id = case when r.scope like 'repository:%' then split_part(r.scope, ':', 2)::bigint end
    left join issues issue on issue.id = case when r.scope like 'issue:%' then split_part(r.scope, ':', 2)::bigint end
    left join repositories issue_repo on issue_repo.id = issue.repository_id
    where r.scope in ('overall', 'weekly') or r.scope like 'language:%' or r.rank <= ${top}
    order by r.scope`;
  const [open] =
    await db.$client`select count(*)::int as count from budget_entries where status = 'reserved'`;
  const usage = (row: Record<string, unknown> | undefined, scope: string): ScopeUsage => {
    const kind = scopeKind(scope);
    const value = (key: string) => Number(row?.[key] ?? 0);
    const id = scope.slice(scope.indexOf(":") + 1);
    const label =
      kind === "overall"
        ? "overall"
        : kind === "weekly"
          ? "this week"
          : kind === "per_repo"
            ? String(row?.repository ?? `repository ${id}`)
            : kind === "per_language"
              ? id
              : row?.issue_repository
                ? `${row.issue_repository}#${row.issue_number}`
                : `issue ${id}`;
    const limit = (name: BudgetMeasure) => {
      const raw = limits[kind][name];
      return raw;
    };
    const measures = Object.fromEntries(
      budgetMeasureNames.map((name) => {
        const used =
          name === "cost_usd"
            ? value("used_cost")
            : name === "tokens"
              ? value("used_tokens")
              : value("used_ms") / 60_000;
        const reserved =
          name === "cost_usd"
            ? value("reserved_cost")
            : name === "tokens"
              ? value("reserved_tokens")
              : value("reserved_ms") / 60_000;
        return [name, measure(used, reserved, limit(name))];
      }),
    ) as Record<BudgetMeasure, MeasureUsage>;
    return {
      scope,
      kind,
      label,
      windowStart: row?.window_start ? new Date(String(row.window_start)) : null,
      calls: value("calls"),
      ...measures,
    };
  };
  const byScope = new Map(rows.map((row) => [String(row.scope), row]));
  const ofKind = (prefix: string) =>
    rows
      .filter((row) => String(row.scope).startsWith(prefix))
      .map((row) => usage(row, String(row.scope)))
      .sort((a, b) => b.cost_usd.used - a.cost_usd.used || b.tokens.used - a.tokens.used);
  return {
    overall: usage(byScope.get("overall"), "overall"),
    weekly: usage(byScope.get("weekly"), "weekly"),
    languages: ofKind("language:"),
    topRepositories: ofKind("repository:"),
    topIssues: ofKind("issue:"),
    openReservations: Number(open?.count ?? 0),
  };
}
