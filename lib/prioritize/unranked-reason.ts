import type postgres from "postgres";
import { githubLanguageLower } from "../discovery/languages";

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/**
 * What unrankedReason needs, for a query that has issues as `i` and repositories as `r`; the
 * focus languages are those of the latest prioritization run (one lookup per query).
 */
export function unrankedColumns(sql: postgres.Sql): Fragment {
  return sql`i.state as unranked_state, r.worth_working_on as unranked_approved, r.language as unranked_language,
    i.has_linked_pr as unranked_pr, i.has_human_assignee as unranked_person,
    i.assignment_status as unranked_status,
    (select languages from priority_runs order by id desc limit 1) as unranked_languages`;
}

/**
 * Why prioritization leaves an issue out, in the order lib/prioritize/reprioritize.ts's `rankable`
 * tests it; for an issue that would be ranked now, that the ranking predates the change.
 */
export function unrankedReason(row: postgres.Row): string {
  const languages = row.unranked_languages as string[] | null;
  const language = row.unranked_language as string | null;
  if (row.unranked_state !== "open") return "Not ranked: the issue is closed.";
  if (row.unranked_approved !== true) return "Not ranked: the repository is not approved.";
  if (languages?.length && !languages.includes(githubLanguageLower(language ?? "")))
    return `Not ranked: ${language ?? "unknown language"} is outside the focus languages.`;
  if (row.unranked_pr === true) return "Not ranked: a pull request already fixes it.";
  if (row.unranked_person === true) return "Not ranked: a person is assigned.";
  if (row.unranked_status === "completed") return "Not ranked: an agent has finished it.";
  if (languages === null) return "Not ranked yet: run `globallm prioritize`.";
  return "Not ranked yet: it changed after the last prioritization (`globallm prioritize` ranks it).";
}
