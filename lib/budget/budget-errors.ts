import { AppError } from "../errors";
import type { BudgetMeasure, BudgetScopeKind } from "./limits";

const unit: Record<BudgetMeasure, (value: number) => string> = {
  cost_usd: (value) => `$${value.toFixed(value < 1 ? 4 : 2)}`,
  tokens: (value) => `${Math.round(value).toLocaleString("en-US")} tokens`,
  minutes: (value) => `${value.toFixed(1)} min`,
};

export function formatMeasure(measure: BudgetMeasure, value: number): string {
  return unit[measure](value);
}

/** A model call would pass a hard limit; it was refused before it started. */
export class BudgetExceededError extends AppError {
  constructor(
    readonly scope: string,
    readonly kind: BudgetScopeKind,
    readonly measure: BudgetMeasure,
    readonly figures: { used: number; reserved: number; requested: number; limit: number },
  ) {
    const f = (value: number) => formatMeasure(measure, value);
    super(
      "forbidden:budget",
      `Budget limit reached for ${scope}: ${f(figures.used)} used and ${f(figures.reserved)} reserved of ${f(figures.limit)}; this call needs up to ${f(figures.requested)}.`,
      {
        hint: "Raise the limit (`globallm config set budget.…`) or reset the budget (`globallm budget reset`).",
      },
    );
    this.name = "BudgetExceededError";
  }
}

/** A model without a price cannot run while any cost limit is set: its spend could not be counted. */
export class UnpricedModelError extends AppError {
  constructor(readonly model: string) {
    super(
      "forbidden:budget",
      `The model "${model}" has no price in model.prices, so it cannot run under a cost limit.`,
      {
        hint: "Add its input_per_mtok and output_per_mtok to the model.prices setting, or remove the cost limits.",
      },
    );
    this.name = "UnpricedModelError";
  }
}

export function isBudgetError(error: unknown): error is BudgetExceededError | UnpricedModelError {
  return error instanceof BudgetExceededError || error instanceof UnpricedModelError;
}
