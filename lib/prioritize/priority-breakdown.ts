import { z } from "zod";

/** The factors of an issue's priority, in the order people read them (and settings list them). */
export const priorityFactors = ["health", "impact", "solvability", "urgency", "uniqueness"] as const;
export type PriorityFactorName = (typeof priorityFactors)[number];

export interface PriorityFactor {
  name: PriorityFactorName;
  /** 0..1 */
  value: number;
  /** This factor's share of the priority (the weights, normalised to sum to 1). */
  weight: number;
  reason: string;
}

export interface PriorityBreakdown {
  factors: PriorityFactor[];
  /** Lint, formatting, typo or style-only work: the score was scaled down. */
  demoted: boolean;
}

// `issues.priority_breakdown` is JSON written by reprioritize(); read it through a schema so a row
// in an older shape shows as "no breakdown" instead of breaking a page.
const factor = z.object({ value: z.number(), weight: z.number(), reason: z.string() });
const stored = z.object({
  health: factor,
  impact: factor,
  solvability: factor,
  urgency: factor,
  uniqueness: factor,
  demoted: z.boolean().optional(),
});

export function readPriorityBreakdown(value: unknown): PriorityBreakdown | null {
  const parsed = stored.safeParse(value);
  if (!parsed.success) return null;
  return {
    factors: priorityFactors.map((name) => ({ name, ...parsed.data[name] })),
    demoted: parsed.data.demoted === true,
  };
}
