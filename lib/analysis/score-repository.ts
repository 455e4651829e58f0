import { healthScore } from "../scoring/health";
import { impactScore } from "../scoring/impact";
import type { RepositorySignals } from "../scoring/signals";
import { weightsFromSettings } from "../scoring/weights";
import { assessWorth } from "../scoring/worth";

export interface RepositoryScores {
  health: ReturnType<typeof healthScore>;
  impact: ReturnType<typeof impactScore>;
  worth: ReturnType<typeof assessWorth>;
  thresholds: { health: number; impact: number };
}

/** Health, impact and the worth verdict of one repository, with the team's weights and thresholds. */
export function scoreRepository(
  signals: RepositorySignals,
  settings: Record<string, unknown>,
  now: Date,
): RepositoryScores {
  const thresholds = {
    health: Number(settings["thresholds.health"] ?? 0.5),
    impact: Number(settings["thresholds.impact"] ?? 0.5),
  };
  const health = healthScore(signals, weightsFromSettings(settings, "health"), now);
  const impact = impactScore(signals, weightsFromSettings(settings, "impact"), { now });
  const worth = assessWorth(
    { health: health.score, impact: impact.score, archived: signals.isArchived },
    thresholds,
  );
  return { health, impact, worth, thresholds };
}
