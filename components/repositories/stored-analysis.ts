import { z } from "zod";
import type { CombinedScore } from "@/lib/scoring/factors";
import type { RepositorySignals } from "@/lib/scoring/signals";

// `repositories.analysis` is JSON written by lib/analysis (score-repository's health, impact,
// worth, thresholds). Read it through a schema so a row from an older format shows as "not in
// this format" instead of breaking the page.
const factor = z.object({
  name: z.string(),
  value: z.number().nullable(),
  raw: z.string(),
  weight: z.number(),
  reason: z.string(),
});

const combined = z.object({
  score: z.number().nullable(),
  used: z.array(factor.extend({ value: z.number(), share: z.number() })),
  excluded: z.array(factor),
  reason: z.string(),
});

const storedAnalysis = z.object({
  health: combined,
  impact: combined,
  worth: z.object({ worthWorkingOn: z.boolean(), reason: z.string() }).optional(),
  thresholds: z.object({ health: z.number(), impact: z.number() }).optional(),
});

export type StoredAnalysis = z.infer<typeof storedAnalysis> & {
  health: CombinedScore;
  impact: CombinedScore;
};

export function readStoredAnalysis(value: unknown): StoredAnalysis | null {
  if (value === null || value === undefined) return null;
  const parsed = storedAnalysis.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** The measured signals (written by lib/analysis); fields may be missing in older rows. */
export type StoredSignals = Partial<RepositorySignals>;

export function readStoredSignals(value: unknown): StoredSignals | null {
  return value && typeof value === "object" ? (value as StoredSignals) : null;
}
