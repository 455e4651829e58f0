export interface ModelPrice {
  /** USD per million input tokens. */
  inputPerMtok: number;
  /** USD per million output tokens. */
  outputPerMtok: number;
}

type PriceTable = Record<string, { input_per_mtok: number; output_per_mtok: number }>;

/**
 * The price of a model from `model.prices`. A dated snapshot (`gpt-4.1-2025-04-14`) takes its
 * family's price; anything else must match exactly — guessing from a prefix would price
 * `gpt-4.1-nano` as `gpt-4.1`.
 */
export function modelPrice(values: Record<string, unknown>, model: string): ModelPrice | null {
  const table = (values["model.prices"] ?? {}) as PriceTable;
  const undated = model.replace(/-\d{4}-\d{2}-\d{2}$/, "");
  const entry = table[model] ?? table[undated];
  return entry ? { inputPerMtok: entry.input_per_mtok, outputPerMtok: entry.output_per_mtok } : null;
}

/** USD for a call; monotone in both token counts, so a smaller usage never costs more than its bound. */
export function callCost(price: ModelPrice | null, inputTokens: number, outputTokens: number): number {
  if (!price) return 0;
  return (inputTokens * price.inputPerMtok + outputTokens * price.outputPerMtok) / 1_000_000;
}

/** Dollars as exact decimal text with the ledger's ten places, rounded up or to nearest. */
export function usdText(value: number, rounding: "up" | "nearest"): string {
  const scaled = value * 1e10;
  const units = rounding === "up" ? Math.ceil(scaled - 1e-6) : Math.round(scaled);
  const sign = units < 0 ? "-" : "";
  const digits = Math.abs(units).toString().padStart(11, "0");
  return `${sign}${digits.slice(0, -10)}.${digits.slice(-10)}`;
}
