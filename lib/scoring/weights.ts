import { findSetting } from "../settings/keys";

export const healthFactorNames = [
  "commit_activity",
  "issue_resolution",
  "pr_merge",
  "ci",
  "releases",
  "documentation",
] as const;
export type HealthFactorName = (typeof healthFactorNames)[number];
export type HealthWeights = Record<HealthFactorName, number>;

export const impactFactorNames = ["dependents", "pagerank", "criticality", "stars", "forks"] as const;
export type ImpactFactorName = (typeof impactFactorNames)[number];
export type ImpactWeights = Record<ImpactFactorName, number>;

/**
 * Picks `weights.<score>.<factor>` out of resolved setting values (a flat key → value record),
 * falling back to each setting's default, so callers pass whatever settings they have loaded.
 */
export function weightsFromSettings(values: Record<string, unknown>, score: "health"): HealthWeights;
export function weightsFromSettings(values: Record<string, unknown>, score: "impact"): ImpactWeights;
export function weightsFromSettings(
  values: Record<string, unknown>,
  score: "health" | "impact",
): Record<string, number> {
  const names = score === "health" ? healthFactorNames : impactFactorNames;
  return Object.fromEntries(
    names.map((name) => {
      const key = `weights.${score}.${name}`;
      const value = key in values ? values[key] : findSetting(key)?.default;
      if (typeof value !== "number") throw new Error(`setting ${key} is not a number`);
      return [name, value];
    }),
  );
}
