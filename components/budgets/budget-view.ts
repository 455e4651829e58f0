import type { BudgetMeasure, BudgetScopeKind } from "@/lib/budget/limits";
import type { BudgetOverview, ScopeUsage } from "@/lib/budget/overview";
import type { ResolvedSetting, SettingSource } from "@/lib/settings/resolve";

/** One limit row of the Budgets page: the setting and what is spent against it. */
export interface BudgetLimitView {
  key: string;
  measure: BudgetMeasure;
  /** The limit as typed in `globallm config set`: a number, or "none" for unlimited. */
  text: string;
  source: SettingSource;
  envName?: string;
  used: number;
  reserved: number;
  percentUsed: number | null;
  /** For per-repository/language/issue limits: the scope closest to its limit. */
  usedBy: string | null;
}

export interface BudgetScopeView {
  kind: BudgetScopeKind;
  title: string;
  description: string;
  limits: BudgetLimitView[];
}

const scopeTitles: Record<BudgetScopeKind, { title: string; description: string }> = {
  overall: { title: "Overall", description: "Everything spent since the last `budget reset`." },
  weekly: { title: "This week", description: "Restarts every Monday (UTC)." },
  per_repo: {
    title: "Per repository",
    description: "Each repository on its own; the closest to its limit shown.",
  },
  per_language: {
    title: "Per language",
    description: "Each language on its own; the closest to its limit shown.",
  },
  per_issue: { title: "Per issue", description: "Each issue on its own; the closest to its limit shown." },
};

const measures: BudgetMeasure[] = ["cost_usd", "tokens", "minutes"];

/** Joins the resolved `budget.*` settings with lib/budget's overview (the one `budget show` prints). */
export function toBudgetScopes(overview: BudgetOverview, settings: ResolvedSetting[]): BudgetScopeView[] {
  const byKey = new Map(settings.map((setting) => [setting.key, setting]));
  const usages: Record<BudgetScopeKind, ScopeUsage[]> = {
    overall: [overview.overall],
    weekly: [overview.weekly],
    per_repo: overview.topRepositories,
    per_language: overview.languages,
    per_issue: overview.topIssues,
  };
  return (Object.keys(scopeTitles) as BudgetScopeKind[]).map((kind) => ({
    kind,
    ...scopeTitles[kind],
    limits: measures.map((measure) => {
      const key = `budget.${kind}.${measure}`;
      const setting = byKey.get(key);
      const top = closestToLimit(usages[kind], measure);
      const usage = top?.[measure];
      return {
        key,
        measure,
        text: setting?.value === null || setting?.value === undefined ? "none" : String(setting.value),
        source: setting?.source ?? "default",
        ...(setting?.envName ? { envName: setting.envName } : {}),
        used: usage?.used ?? 0,
        reserved: usage?.reserved ?? 0,
        percentUsed: usage?.percentUsed ?? null,
        usedBy: kind === "overall" || kind === "weekly" || !top || !usage?.used ? null : top.label,
      };
    }),
  }));
}

function closestToLimit(usages: ScopeUsage[], measure: BudgetMeasure): ScopeUsage | undefined {
  const rank = (usage: ScopeUsage) => usage[measure].percentUsed ?? -1;
  return [...usages].sort((a, b) => rank(b) - rank(a) || b[measure].used - a[measure].used)[0];
}

export function formatMeasure(measure: BudgetMeasure, value: number): string {
  if (measure === "cost_usd") return `$${value.toFixed(value >= 100 ? 0 : 2)}`;
  if (measure === "tokens") return Math.round(value).toLocaleString("en-US");
  return `${value.toFixed(value >= 100 ? 0 : 1)} min`;
}

export const measureLabels: Record<BudgetMeasure, string> = {
  cost_usd: "Cost (USD)",
  tokens: "Tokens",
  minutes: "Agent minutes",
};
