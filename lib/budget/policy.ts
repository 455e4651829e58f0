import { type BudgetLimits, budgetLimits } from "./limits";
import { type ModelPrice, modelPrice } from "./prices";

/** The limits and price in force for one model call; read per call so a changed limit applies at once. */
export interface BudgetPolicy {
  limits: BudgetLimits;
  price: ModelPrice | null;
  maxOutputTokens: number;
}

/** The budget policy of one model, from resolved settings (key → value). */
export function budgetPolicy(values: Record<string, unknown>, model: string): BudgetPolicy {
  return {
    limits: budgetLimits(values),
    price: modelPrice(values, model),
    maxOutputTokens: Number(values["model.max_output_tokens"] ?? 8192),
  };
}
