import type { Database } from "../db/client";
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
  /** Issues per statement: bounded transactions, and progress to report. */
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
}

// A demoted issue keeps 30% of its score: still ordered among its kind, below real work.
const LOW_VALUE_FACTOR = 0.3;

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
 * Recomputes every issue's priority from its stored features and its repository's scores, in SQL,
 * one id range at a time: time grows linearly with the number of issues and no issue text is read.
 * Only open issues of approved repositories in the focus languages, with nobody on them, are
 * ranked; the others get a null priority (never handed to an agent) and a reason saying why.
 */
export async function reprioritize(
  db: Database,
  options: ReprioritizeOptions,
): Promise<{ ranked: number; unranked: number; changed: number }> {
  const sql = db.$client;
  const w = options.weights;
  const total = w.health + w.impact + w.solvability + w.urgency + w.uniqueness;
  if (!(total > 0)) throw new Error("priority weights must not all be zero");
  const only = options.issueIds;
  const [bounds] = await sql`
    select coalesce(min(id), 0)::bigint as low, coalesce(max(id), 0)::bigint as high, count(*)::bigint as count
    from issues ${only ? sql`where id = any(${only}::bigint[])` : sql``}`;
  const low = Number(bounds?.low ?? 0);
  const high = Number(bounds?.high ?? 0);
  const count = Number(bounds?.count ?? 0);
  const step = options.batchSize ?? 50_000;
  // Settings may name a language as typed (`cpp`, `c#`); repositories carry GitHub's name (`C++`).
  const languages = options.languages.map(githubLanguageLower);
  let changed = 0;
  let done = 0;
  for (let from = low; count > 0 && from <= high; from += step) {
    const to = from + step - 1;
    const result = await sql.begin(async (tx) => {
      // Custom plans only: after five batches a prepared statement may switch to a generic plan,
      // planned without knowing the id range (seen in the plans of a 1M-issue run, not at 100k).
      await tx`set local plan_cache_mode = force_custom_plan`;
      return tx`
      with scored as (
        select i.id,
          case
            when i.state <> 'open' then 'Not ranked: the issue is closed.'
            when r.worth_working_on is not true then 'Not ranked: the repository is not approved.'
            when ${languages.length > 0} and lower(coalesce(r.language, '')) <> all(${languages}::text[]) then 'Not ranked: ' || coalesce(r.language, 'unknown language') || ' is outside the focus languages.'
            when i.has_linked_pr then 'Not ranked: a pull request already fixes it.'
            when i.has_human_assignee then 'Not ranked: a person is assigned.'
          end as excluded,
          coalesce(r.health_score, 0) as h, coalesce(r.impact_score, 0) as m,
          coalesce(i.solvability, 0.5) as s, coalesce(i.urgency, 0.5) as u, coalesce(i.uniqueness, 1) as q,
          i.low_value and ${options.demoteLowValue} as demoted,
          i.feature_reasons as why
        from issues i join repositories r on r.id = i.repository_id
        where i.id between ${from} and ${to} ${only ? sql`and i.id = any(${only}::bigint[])` : sql``}
      ), computed as (
        select id, excluded, demoted, why, h, m, s, u, q,
          case when excluded is null then
            ((${w.health}::real * h + ${w.impact}::real * m + ${w.solvability}::real * s + ${w.urgency}::real * u + ${w.uniqueness}::real * q) / ${total}::real)
            * case when demoted then ${LOW_VALUE_FACTOR}::real else 1 end
          end::real as score
        from scored
      ), explained as (
        select id, excluded, score,
          coalesce(excluded, case
            when demoted then 'Ranked low: lint, formatting, typo or style-only work.'
            when q < 0.5 then 'Ranked lower: it duplicates another issue or a redundant project.'
            when u >= 0.8 then 'Urgent (' || coalesce(replace(replace(why->>'urgency', 'Urgency from ', ''), '.', ''), 'high severity') || ') in a repository with ' || round(m * 100) || '% impact and ' || round(h * 100) || '% health.'
            when m >= 0.7 and s >= 0.6 then 'High-impact repository (' || round(m * 100) || '%) and a tractable issue: ' || lower(coalesce(why->>'solvability', ''))
            else 'Impact ' || round(m * 100) || '%, health ' || round(h * 100) || '%, urgency ' || round(u * 100) || '%, solvability ' || round(s * 100) || '%.'
          end) as reason,
          case when excluded is null then jsonb_build_object(
            'health', jsonb_build_object('value', round(h::numeric, 4), 'weight', ${w.health / total}::real, 'reason', 'Repository health ' || round(h * 100) || '%.'),
            'impact', jsonb_build_object('value', round(m::numeric, 4), 'weight', ${w.impact / total}::real, 'reason', 'Repository impact ' || round(m * 100) || '%.'),
            'solvability', jsonb_build_object('value', round(s::numeric, 4), 'weight', ${w.solvability / total}::real, 'reason', coalesce(why->>'solvability', 'Not measured yet: counted as 50%.')),
            'urgency', jsonb_build_object('value', round(u::numeric, 4), 'weight', ${w.urgency / total}::real, 'reason', coalesce(why->>'urgency', 'Not measured yet: counted as 50%.')),
            'uniqueness', jsonb_build_object('value', round(q::numeric, 4), 'weight', ${w.uniqueness / total}::real, 'reason', coalesce(why->>'uniqueness', 'No duplicate found.')),
            'demoted', demoted
          ) end as breakdown
        from computed
      )
      -- Each step above is used once, so PostgreSQL inlines them: the batch is read in id order from
      -- the primary key and joined to itself without sorting or spilling it. The id range is repeated
      -- for the rows to update, or the join would walk the key from the first issue every batch.
      update issues i set priority = e.score, priority_reason = e.reason, priority_breakdown = e.breakdown
      from explained e
      -- Unchanged rows are not rewritten: a re-run after no change costs reads only.
      where i.id = e.id and i.id between ${from} and ${to}
        and (i.priority is distinct from e.score or i.priority_reason is distinct from e.reason
          or i.priority_breakdown is distinct from e.breakdown)`;
    });
    changed += result.count;
    if (options.onProgress) {
      const [batch] = await sql`
        select count(*)::int as examined from issues
        where id between ${from} and ${to} ${only ? sql`and id = any(${only}::bigint[])` : sql``}`;
      done += Number(batch?.examined ?? 0);
      options.onProgress(done, count);
    }
  }
  const [counted] = await sql`
    select count(*)::int as ranked from issues
    where priority is not null ${only ? sql`and id = any(${only}::bigint[])` : sql``}`;
  const ranked = count > 0 ? Number(counted?.ranked ?? 0) : 0;
  return { ranked, unranked: count - ranked, changed };
}
