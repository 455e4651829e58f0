import { budgetMeasures, budgetScopes } from "../settings/keys";

export type BudgetScopeKind = (typeof budgetScopes)[number];
export type BudgetMeasure = keyof typeof budgetMeasures;
/** A limit per scope kind and measure; null means unlimited. Minutes are agent minutes. */
export type BudgetLimits = Record<BudgetScopeKind, Record<BudgetMeasure, number | null>>;

export const budgetScopeKinds = budgetScopes;
export const budgetMeasureNames = Object.keys(budgetMeasures) as BudgetMeasure[];

/** Reads `budget.<scope>.<measure>` from resolved settings (key → value). */
export function budgetLimits(values: Record<string, unknown>): BudgetLimits {
  return Object.fromEntries(
    budgetScopeKinds.map((kind) => [
      kind,
      Object.fromEntries(
        budgetMeasureNames.map((measure) => {
          const value = values[`budget.${kind}.${measure}`];
          return [measure, typeof value === "number" ? value : null];
        }),
      ),
    ]),
  ) as BudgetLimits;
}

export function hasCostLimit(limits: BudgetLimits): boolean {
  return budgetScopeKinds.some((kind) => limits[kind].cost_usd !== null);
}
