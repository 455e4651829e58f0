import { daysSince, formatAge } from "./saturate";
import type { RepositorySignals } from "./signals";

export interface WorthThresholds {
  /** From `thresholds.health` (default 0.5). */
  health: number;
  /** From `thresholds.impact` (default 0.5). */
  impact: number;
}

export interface WorthInput {
  health: number | null;
  impact: number | null;
  archived?: boolean;
}

export interface WorthAssessment {
  worthWorkingOn: boolean;
  reason: string;
}

/**
 * Worth working on when health AND impact are strictly above their thresholds: helping a healthy
 * project that matters lands; an unhealthy one may never merge the fix, an obscure one helps few.
 */
export function assessWorth(scores: WorthInput, thresholds: WorthThresholds): WorthAssessment {
  for (const [name, value] of Object.entries(thresholds)) {
    if (!(value >= 0 && value <= 1)) throw new RangeError(`threshold ${name} must be in 0..1, got ${value}`);
  }
  if (scores.archived) {
    return {
      worthWorkingOn: false,
      reason: "Archived: the repository is read-only, so changes cannot land.",
    };
  }
  const { health, impact } = scores;
  if (health === null || impact === null) {
    const missing =
      health === null && impact === null ? "Health and impact" : health === null ? "Health" : "Impact";
    const known =
      health !== null
        ? ` (health ${pct(health, thresholds.health)})`
        : impact !== null
          ? ` (impact ${pct(impact, thresholds.impact)})`
          : "";
    return {
      worthWorkingOn: false,
      reason: `${missing} could not be measured${known}, so it is not recommended.`,
    };
  }
  const h = `health ${pct(health, thresholds.health)}`;
  const i = `impact ${pct(impact, thresholds.impact)}`;
  const th = thresholdPct(thresholds.health);
  const ti = thresholdPct(thresholds.impact);
  const healthOk = health > thresholds.health;
  const impactOk = impact > thresholds.impact;
  if (healthOk && impactOk) {
    return { worthWorkingOn: true, reason: `${capital(h)} and ${i} are above the ${th}/${ti} thresholds.` };
  }
  if (!healthOk && !impactOk) {
    return {
      worthWorkingOn: false,
      reason: `${capital(h)} and ${i} are not above the ${th}/${ti} thresholds.`,
    };
  }
  return healthOk
    ? {
        worthWorkingOn: false,
        reason: `${capital(i)} is not above the ${ti} threshold (${h} is above ${th}).`,
      }
    : {
        worthWorkingOn: false,
        reason: `${capital(h)} is not above the ${th} threshold (${i} is above ${ti}).`,
      };
}

export type KeepArchive = "keep" | "archive" | "evaluate";

export interface KeepArchiveOptions {
  /** Health and impact at or above this count as good (default 0.5, like the worth thresholds). */
  good: number;
  /** Impact below this means few would notice an archive (default 0.25). */
  lowImpact: number;
  /** No commit for this long makes a repository inactive (default 365 days). */
  inactiveDays: number;
  /** No commit for this long makes it dormant: archive unless it matters (default 730 days). */
  dormantDays: number;
}

const defaultKeepArchive: KeepArchiveOptions = {
  good: 0.5,
  lowImpact: 0.25,
  inactiveDays: 365,
  dormantDays: 730,
};

/** For `analyze-user --recommend`: what an owner should do with one of their repositories, and why. */
export function recommendKeepArchive(
  signals: RepositorySignals,
  health: number | null,
  impact: number | null,
  now: Date,
  options: Partial<KeepArchiveOptions> = {},
): { recommendation: KeepArchive; reason: string } {
  const o = { ...defaultKeepArchive, ...options };
  const idle = daysSince(signals.lastCommitAt ?? signals.pushedAt, now);
  const activity =
    idle === null
      ? "activity unknown"
      : idle < 1
        ? "last commit today"
        : `last commit ${formatAge(idle)} ago`;
  const h = health === null ? "health unknown" : `health ${pct(health)}`;
  const i = impact === null ? "impact unknown" : `impact ${pct(impact)}`;
  const facts = `${h}, ${i}, ${activity}`;
  const what = signals.isFork ? "fork" : "repository";

  if (signals.isArchived) return { recommendation: "archive", reason: `Already archived (${facts}).` };
  if (health === null && impact === null) {
    return {
      recommendation: "evaluate",
      reason: `Neither health nor impact could be measured (${activity}); look by hand.`,
    };
  }
  const matters = impact !== null && impact >= o.good;
  const healthy = health !== null && health >= o.good;
  const obscure = impact === null || impact < o.lowImpact;
  if (matters) {
    return healthy
      ? { recommendation: "keep", reason: `Others rely on it and it is well kept: ${facts}.` }
      : {
          recommendation: "evaluate",
          reason: `Others rely on it but it is poorly kept (${facts}): find maintainers or a successor before archiving.`,
        };
  }
  if (idle !== null && idle >= o.dormantDays && obscure) {
    return { recommendation: "archive", reason: `Dormant ${what} that few depend on: ${facts}.` };
  }
  if (healthy && idle !== null && idle < o.inactiveDays) {
    return { recommendation: "keep", reason: `Active and healthy, though its reach is modest: ${facts}.` };
  }
  if (idle !== null && idle >= o.inactiveDays && obscure && !healthy) {
    return { recommendation: "archive", reason: `Inactive ${what} with little impact: ${facts}.` };
  }
  return { recommendation: "evaluate", reason: `Mixed signals: ${facts}.` };
}

/**
 * A percentage for people. When whole percents would make a value look equal to the number it is
 * compared with (50.4% vs 50%), one decimal is shown so the reason never contradicts the verdict.
 */
function pct(x: number, comparedWith?: number): string {
  const whole = Math.round(x * 100);
  if (comparedWith !== undefined && x !== comparedWith && whole === Math.round(comparedWith * 100)) {
    return `${(x * 100).toFixed(1)}%`;
  }
  return `${whole}%`;
}

/** A configured threshold as written, without rounding it (0.55 → "55%", 0.125 → "12.5%"). */
function thresholdPct(x: number): string {
  return `${Number((x * 100).toFixed(2))}%`;
}

function capital(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
