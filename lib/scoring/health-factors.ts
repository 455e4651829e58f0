import type { Factor } from "./factors";
import {
  clamp01,
  daysSince,
  formatAge,
  halfLifeDecay,
  logRamp,
  logSaturation,
  weightedMean,
} from "./saturate";
import type { RepositorySignals } from "./signals";

/** A factor before its name and weight are attached. */
export type Measure = Pick<Factor, "value" | "raw" | "reason">;

/*
 * Constants come from what is typical on GitHub. Where a "full credit" point is needed we use the
 * median of OpenSSF's top-200-per-language projects (../shared/data/criticality, 2,200 repositories):
 * matching the median of the most critical open-source projects is healthy enough that more should
 * not count for more, and the log curves still give a small project most of the credit for steady
 * modest activity.
 */

/** Median commit_frequency of the OpenSSF top projects is 10.3 commits a week. */
const FULL_COMMITS_PER_WEEK = 10;
/** Untouched for a quarter halves the recency credit; after a year it is about 1/16. */
const COMMIT_RECENCY_HALF_LIFE_DAYS = 90;
/** Median closed/updated issue ratio over 90 days among the OpenSSF top projects is 0.73. */
const FULL_CLOSE_RATIO = 0.75;
/** About three merged pull requests a week, a busy but ordinary pace for a maintained library. */
const FULL_MERGED_PRS_90_DAYS = 40;
/** Median recent_releases_count (releases in a year) among the OpenSSF top projects is 12. */
const FULL_RELEASES_PER_YEAR = 12;
/** A release half a year old keeps half its freshness credit; libraries often release a few times a year. */
const RELEASE_RECENCY_HALF_LIFE_DAYS = 180;
/** A README of ~200 bytes is a title and a line; ~8 KB covers install, usage and an API outline. */
const README_EMPTY_BYTES = 200;
const README_FULL_BYTES = 8000;
/** CI whose latest result we could not read: configured counts for something, green is not proven. */
const CI_UNKNOWN_RESULT_CREDIT = 0.6;
/** Red CI is still better than none: the tests exist and someone can make them pass. */
const CI_FAILING_CREDIT = 0.25;

export function commitActivity(signals: RepositorySignals, now: Date): Measure {
  const { last30, last90, last365 } = signals.commits;
  const lastAt = signals.lastCommitAt ?? signals.pushedAt;
  const age = daysSince(lastAt, now);
  const volume = weightedMean([
    [last30 === null ? null : logSaturation(last30, (FULL_COMMITS_PER_WEEK * 30) / 7), 1],
    [last90 === null ? null : logSaturation(last90, (FULL_COMMITS_PER_WEEK * 90) / 7), 1],
    [last365 === null ? null : logSaturation(last365, (FULL_COMMITS_PER_WEEK * 365) / 7), 1],
  ]);
  const recency = age === null ? null : halfLifeDecay(age, COMMIT_RECENCY_HALF_LIFE_DAYS);
  const value = weightedMean([
    [volume, 3],
    [recency, 1],
  ]);

  const counts = [
    last30 === null ? null : `${last30} in 30 days`,
    last90 === null ? null : `${last90} in 90 days`,
    last365 === null ? null : `${last365} in 365 days`,
  ].filter((part) => part !== null);
  const last =
    age === null ? "last commit unknown" : `last ${signals.lastCommitAt ? "commit" : "push"} ${ago(age)}`;
  const raw = counts.length > 0 ? `commits: ${counts.join(", ")}; ${last}` : last;

  if (value === null) return { value, raw, reason: "Commit history could not be read." };
  const perWeek = last365 !== null ? last365 / 52 : last90 !== null ? last90 / (90 / 7) : null;
  const pace =
    perWeek === null ? "" : `about ${perWeek < 1 ? perWeek.toFixed(1) : Math.round(perWeek)} commits a week`;
  let reason: string;
  if (last90 === 0 || (age !== null && age > 365)) reason = `Dormant: ${last}.`;
  else if (value >= 0.6) reason = `Actively developed: ${pace || last}.`;
  else reason = `Occasional development: ${pace ? `${pace}, ` : ""}${last}.`;
  return { value, raw, reason };
}

export function issueResolution(signals: RepositorySignals): Measure {
  const { open, updatedLast90: updated, closedLast90: closed } = signals.issues;
  const openText = open === null ? "open count unknown" : `${open} open`;
  if (updated === null || closed === null) {
    return { value: null, raw: `issues: ${openText}`, reason: "Recent issue activity could not be read." };
  }
  const raw = `issues in 90 days: ${closed} closed of ${updated} updated; ${openText}`;
  if (updated === 0) {
    if (open === null || open === 0) {
      return {
        value: null,
        raw,
        reason: "No issue activity in 90 days, so there is nothing to judge resolution by.",
      };
    }
    return { value: 0, raw, reason: `${open} open issues and none touched in 90 days.` };
  }
  const ratio = Math.min(1, closed / updated);
  const closing = Math.min(1, ratio / FULL_CLOSE_RATIO);
  // The share of the open backlog a year at this closing pace would clear (4 quarters).
  const clearance = open === null ? null : open === 0 ? 1 : Math.min(1, (4 * closed) / open);
  const value = weightedMean([
    [closing, 0.7],
    [clearance, 0.3],
  ])!;
  const share = `${Math.round(ratio * 100)}% of issues touched in 90 days were closed`;
  const backlog =
    clearance === null || clearance >= 1
      ? ""
      : `; the ${open} open issues would take over a year at this pace`;
  return { value, raw, reason: `${share}${backlog}.` };
}

export function pullRequestMerging(signals: RepositorySignals): Measure {
  const { mergedLast90: merged, open, mergedTotal } = signals.pullRequests;
  if (merged === null) {
    return {
      value: null,
      raw: "merged pull requests unknown",
      reason: "Pull request history could not be read.",
    };
  }
  const raw = `${merged} pull requests merged in 90 days${open === null ? "" : `, ${open} open`}${
    mergedTotal === null ? "" : `, ${mergedTotal} merged in all`
  }`;
  if (merged === 0 && mergedTotal === 0 && (open === null || open === 0)) {
    return { value: null, raw, reason: "The project does not take changes through pull requests." };
  }
  const throughput = logSaturation(merged, FULL_MERGED_PRS_90_DAYS);
  // How much of the review queue gets merged rather than left waiting.
  const responsiveness = open === null || merged + open === 0 ? null : merged / (merged + open);
  const value = weightedMean([
    [throughput, 0.7],
    [responsiveness, 0.3],
  ])!;
  const reason =
    merged === 0
      ? `No pull requests merged in 90 days${open ? ` while ${open} wait` : ""}.`
      : `${merged} pull requests merged in 90 days${open ? ` with ${open} waiting` : ""}.`;
  return { value, raw, reason };
}

export function continuousIntegration(signals: RepositorySignals): Measure {
  const { present, providers, passing } = signals.ci;
  const names = providers.length > 0 ? providers.join(", ") : "CI";
  if (present === null)
    return { value: null, raw: "unknown", reason: "Could not tell whether CI is configured." };
  if (!present)
    return { value: 0, raw: "none", reason: "No CI configured, so changes are not tested automatically." };
  if (passing === true)
    return { value: 1, raw: `${names}; passing`, reason: `${names} runs and the default branch is green.` };
  if (passing === false) {
    return {
      value: CI_FAILING_CREDIT,
      raw: `${names}; failing`,
      reason: `${names} is configured but failing on the default branch.`,
    };
  }
  return {
    value: CI_UNKNOWN_RESULT_CREDIT,
    raw: `${names}; result unknown`,
    reason: `${names} is configured; its latest result is unknown or pending, so partial credit.`,
  };
}

export function releases(signals: RepositorySignals, now: Date): Measure {
  const { total, last365, latestAt } = signals.releases;
  const age = daysSince(latestAt, now);
  const raw = [
    last365 === null ? null : `${last365} releases in 365 days`,
    total === null ? null : `${total} in all`,
    age === null ? null : `latest ${ago(age)}`,
  ]
    .filter((part) => part !== null)
    .join(", ");
  if (total === 0) {
    return {
      value: null,
      raw: "no GitHub releases",
      reason: "No GitHub releases; many projects release by tag or registry only, so this is left out.",
    };
  }
  const value = weightedMean([
    [last365 === null ? null : logSaturation(last365, FULL_RELEASES_PER_YEAR), 0.6],
    [age === null ? null : halfLifeDecay(age, RELEASE_RECENCY_HALF_LIFE_DAYS), 0.4],
  ]);
  if (value === null) return { value, raw: raw || "unknown", reason: "Release history could not be read." };
  let reason: string;
  if (last365 === 0)
    reason = `No release in the past year${age === null ? "" : `; the latest is ${ago(age)}`}.`;
  else if (last365 !== null) reason = `${last365} release${last365 === 1 ? "" : "s"} in the past year.`;
  else reason = `Latest release ${ago(age!)}.`;
  return { value, raw, reason };
}

export function documentation(signals: RepositorySignals): Measure {
  const { hasReadme, readmeBytes, hasDocs, hasContributing } = signals.docs;
  const hasLicense = signals.docs.hasLicense ?? (signals.license ? true : null);
  const readme =
    hasReadme === false
      ? 0
      : readmeBytes !== null
        ? logRamp(readmeBytes, README_EMPTY_BYTES, README_FULL_BYTES)
        : hasReadme
          ? 0.5
          : null;
  const flag = (known: boolean | null) => (known === null ? null : known ? 1 : 0);
  // A README is what nearly every user reads; a licence decides whether they may use the code at all.
  const value = weightedMean([
    [readme, 0.4],
    [flag(hasDocs), 0.25],
    [flag(hasLicense), 0.2],
    [flag(hasContributing), 0.15],
  ]);
  const parts = [
    hasReadme === false
      ? "no README"
      : readmeBytes !== null
        ? `README ${kilobytes(readmeBytes)}`
        : hasReadme
          ? "README"
          : null,
    hasDocs === null ? null : hasDocs ? "docs" : "no docs",
    hasLicense === null
      ? null
      : hasLicense
        ? `licence${signals.license ? ` (${signals.license})` : ""}`
        : "no licence",
    hasContributing === null ? null : hasContributing ? "CONTRIBUTING" : "no CONTRIBUTING",
  ].filter((part) => part !== null);
  const raw = parts.join(", ") || "unknown";
  if (value === null) return { value, raw, reason: "Documentation could not be inspected." };
  const missing = parts.filter((part) => part.startsWith("no "));
  const reason =
    missing.length === 0
      ? "README, docs, licence and contribution guide are in place."
      : `Missing: ${missing.map((part) => part.slice(3)).join(", ")}.`;
  return { value: clamp01(value), raw, reason };
}

function ago(days: number): string {
  const age = formatAge(days);
  return age === "today" ? "today" : `${age} ago`;
}

function kilobytes(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : `${(bytes / 1024).toFixed(1)} KB`;
}
