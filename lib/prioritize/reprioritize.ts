import type postgres from "postgres";
import type { Database } from "../db/client";
import { rebuildTable } from "../db/rebuild-table";
import { githubLanguageLower } from "../discovery/languages";

export interface PriorityWeights {
  health: number;
  impact: number;
  solvability: number;
  urgency: number;
  uniqueness: number;
}

export interface ReprioritizeOptions {
  weights: PriorityWeights;
  /** Rank lint/format/typo/style-only issues low (`priority.demote_style_issues`). */
  demoteLowValue: boolean;
  /** The team's focus languages (lowercase); issues of other languages are not ranked. */
  languages: string[];
  /** Only these issues (a triage change); by default every issue. */
  issueIds?: number[];
  /** Called as the ranking starts (done = 0) and when it is built (done = total issues examined). */
  onProgress?: (done: number, total: number) => void;
}

// A demoted issue keeps 30% of its score: still ordered among its kind, below real work.
const LOW_VALUE_FACTOR = 0.3;

type Fragment = postgres.PendingQuery<postgres.Row[]>;

/*
 * A full run replaces issue_ranks whole while holding this lock; changing a rank row in place
 * (pinning, ranking one issue again) holds it shared, so such a change is never lost in a swap.
 */
export const RANKS_LOCK = 7_165_001;

export function priorityWeightsFromSettings(settings: Record<string, unknown>): PriorityWeights {
  const weight = (name: keyof PriorityWeights) => Number(settings[`weights.priority.${name}`] ?? 0);
  return {
    health: weight("health"),
    impact: weight("impact"),
    solvability: weight("solvability"),
    urgency: weight("urgency"),
    uniqueness: weight("uniqueness"),
  };
}

/**
 * Which issues are ranked: open, in an approved repository of the focus languages, with nobody on
 * it (a linked pull request or a person) and not finished by an agent. Explained, for the others,
 * by lib/prioritize/explain-priority.ts's unrankedReason.
 */
function rankable(sql: postgres.TransactionSql, languages: string[]): Fragment {
  return sql`i.state = 'open' and r.worth_working_on is true
    and not i.has_linked_pr and not i.has_human_assignee and i.assignment_status <> 'completed'
    ${languages.length > 0 ? sql`and lower(coalesce(r.language, '')) = any(${languages}::text[])` : sql``}`;
}

/** The rank rows of issue_ranks (in its column order) for the rankable issues, in id order. */
function rankRows(
  sql: postgres.TransactionSql,
  runId: number,
  shares: PriorityWeights,
  options: ReprioritizeOptions,
  languages: string[],
): Fragment {
  const only = options.issueIds;
  return sql`
    select id, ${runId}::bigint, pinned,
      ((${shares.health}::real * h + ${shares.impact}::real * m + ${shares.solvability}::real * s
        + ${shares.urgency}::real * u + ${shares.uniqueness}::real * q)
        * case when demoted then ${LOW_VALUE_FACTOR}::real else 1 end)::real,
      h, m, s, u, q, demoted
    from (
      select i.id, i.pinned,
        coalesce(r.health_score, 0)::real as h, coalesce(r.impact_score, 0)::real as m,
        coalesce(i.solvability, 0.5)::real as s, coalesce(i.urgency, 0.5)::real as u,
        coalesce(i.uniqueness, 1)::real as q, i.low_value and ${options.demoteLowValue} as demoted
      from issues i join repositories r on r.id = i.repository_id
      where ${rankable(sql, languages)} ${only ? sql`and i.id = any(${only}::bigint[])` : sql``}
    ) factors`;
}

/**
 * Ranks the issues from their stored features and their repository's scores, in SQL; no issue text
 * is read. A full run builds a new issue_ranks and swaps it in (lib/db/rebuild-table.ts): time grows
 * with the number of issues as one sequential write and three index sorts do. With `issueIds`, just
 * those issues' rows are replaced. Each run is recorded in priority_runs with its weights, which
 * the breakdowns shown later are rendered from.
 */
export async function reprioritize(
  db: Database,
  options: ReprioritizeOptions,
): Promise<{ ranked: number; unranked: number }> {
  const w = options.weights;
  const total = w.health + w.impact + w.solvability + w.urgency + w.uniqueness;
  if (!(total > 0)) throw new Error("priority weights must not all be zero");
  const shares: PriorityWeights = {
    health: w.health / total,
    impact: w.impact / total,
    solvability: w.solvability / total,
    urgency: w.urgency / total,
    uniqueness: w.uniqueness / total,
  };
  // Settings may name a language as typed (`cpp`, `c#`); repositories carry GitHub's name (`C++`).
  const languages = options.languages.map(githubLanguageLower);
  const only = options.issueIds;
  return db.$client.begin(async (tx) => {
    if (only) await tx`select pg_advisory_xact_lock_shared(${RANKS_LOCK})`;
    else await tx`select pg_advisory_xact_lock(${RANKS_LOCK})`;
    const [run] = await tx`
      insert into priority_runs (weights, demote_low_value, languages)
      values (${JSON.stringify(shares)}::jsonb, ${options.demoteLowValue}, ${languages}::text[])
      returning id`;
    const rows = rankRows(tx, Number(run!.id), shares, options, languages);
    const [counted] = await tx`
      select count(*)::int as count from issues ${only ? tx`where id = any(${only}::bigint[])` : tx``}`;
    const examined = Number(counted?.count ?? 0);
    options.onProgress?.(0, examined);
    let ranked: number;
    if (only) {
      await tx`delete from issue_ranks where issue_id = any(${only}::bigint[])`;
      ranked = (await tx`insert into issue_ranks ${rows}`).count;
    } else {
      // Every issue is read: a hash join against the (few) repositories is the plan. The planner
      // cannot know how many repositories pass the language filter and, guessing a handful, would
      // otherwise look each one's issues up by index: 4 times slower at a million issues.
      await tx`set local enable_nestloop = off`;
      ranked = await rebuildTable(tx, "issue_ranks", rows);
    }
    options.onProgress?.(examined, examined);
    return { ranked, unranked: examined - ranked };
  });
}
