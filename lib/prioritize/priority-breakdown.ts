import type postgres from "postgres";

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

/** An issue's place in the ranking, as shown: the score, one line why, and the factors. */
export interface RankExplained {
  priority: number;
  reason: string;
  breakdown: PriorityBreakdown;
}

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * What readRank needs, for a query that has issues as `i`: joins the rank row (`k`) and
 * the run that ranked it (`rank_run`); an unranked issue reads nulls.
 */
export function rankJoin(sql: postgres.Sql): Fragment {
  return sql`left join issue_ranks k on k.issue_id = i.id left join priority_runs rank_run on rank_run.id = k.run_id`;
}

export function rankColumns(sql: postgres.Sql): Fragment {
  return sql`k.priority, k.health as rank_health, k.impact as rank_impact, k.solvability as rank_solvability,
    k.urgency as rank_urgency, k.uniqueness as rank_uniqueness, k.demoted as rank_demoted,
    rank_run.weights as rank_weights, i.feature_reasons as rank_feature_reasons`;
}

const percent = (value: number) => Math.round(value * 100);

/**
 * The rank of a row that selected rankColumns, with its reason and breakdown rendered from the
 * stored factors, the run's weights and the feature reasons; null when it is not ranked.
 */
export function readRank(row: postgres.Row): RankExplained | null {
  if (row.priority === null || row.priority === undefined) return null;
  const value = (name: PriorityFactorName) => Number(row[`rank_${name}`]);
  const weights = (row.rank_weights ?? {}) as Record<string, number>;
  const why = (row.rank_feature_reasons ?? {}) as Record<string, string | undefined>;
  const reasons: Record<PriorityFactorName, string> = {
    health: `Repository health ${percent(value("health"))}%.`,
    impact: `Repository impact ${percent(value("impact"))}%.`,
    solvability: why.solvability ?? "Not measured yet: counted as 50%.",
    urgency: why.urgency ?? "Not measured yet: counted as 50%.",
    uniqueness: why.uniqueness ?? "No duplicate found.",
  };
  const demoted = row.rank_demoted === true;
  return {
    priority: Number(row.priority),
    reason: rankReason(value, demoted, why),
    breakdown: {
      factors: priorityFactors.map((name) => ({
        name,
        value: Math.round(value(name) * 10_000) / 10_000,
        weight: Number(weights[name] ?? 0),
        reason: reasons[name],
      })),
      demoted,
    },
  };
}

/** One line on what puts the issue where it is: the strongest thing about it. */
function rankReason(
  value: (name: PriorityFactorName) => number,
  demoted: boolean,
  why: Record<string, string | undefined>,
): string {
  const [h, m, s, u, q] = priorityFactors.map(value) as [number, number, number, number, number];
  if (demoted) return "Ranked low: lint, formatting, typo or style-only work.";
  if (q < 0.5) return "Ranked lower: it duplicates another issue or a redundant project.";
  if (u >= 0.8) {
    const urgent = why.urgency?.replace("Urgency from ", "").replaceAll(".", "") ?? "high severity";
    return `Urgent (${urgent}) in a repository with ${percent(m)}% impact and ${percent(h)}% health.`;
  }
  if (m >= 0.7 && s >= 0.6)
    return `High-impact repository (${percent(m)}%) and a tractable issue: ${(why.solvability ?? "").toLowerCase()}`;
  return `Impact ${percent(m)}%, health ${percent(h)}%, urgency ${percent(u)}%, solvability ${percent(s)}%.`;
}

/** The breakdown as one object per factor (the shape `prioritize --export json` prints). */
export function breakdownRecord(
  breakdown: PriorityBreakdown,
): Record<string, { value: number; weight: number; reason: string } | boolean> {
  return {
    ...Object.fromEntries(
      breakdown.factors.map(({ name, value, weight, reason }) => [name, { value, weight, reason }]),
    ),
    demoted: breakdown.demoted,
  };
}
