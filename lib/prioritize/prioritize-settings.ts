import { priorityWeightsFromSettings, type ReprioritizeOptions } from "./reprioritize";

/** What a prioritization run takes from the team's settings (weights, style demotion, languages). */
export type PrioritizeSettings = Pick<ReprioritizeOptions, "weights" | "demoteLowValue" | "languages">;

export function prioritizeSettings(settings: Record<string, unknown>): PrioritizeSettings {
  return {
    weights: priorityWeightsFromSettings(settings),
    demoteLowValue: Boolean(settings["priority.demote_style_issues"]),
    languages: (settings.languages as string[] | undefined) ?? [],
  };
}
