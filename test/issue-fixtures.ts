import type { Database } from "../lib/db/client";

export interface SeedOptions {
  repositories?: { fullName: string; language?: string }[];
  /** Issues per repository. */
  perRepository: number;
  /** Priority of the n-th issue, null for unranked (default: spread over 0..1 so the order is well defined). */
  priority?: (index: number) => number | null;
}

/** Inserts repositories and open, available issues in bulk, ranked; returns the issue ids in insertion order. */
export async function seedIssues(db: Database, options: SeedOptions): Promise<number[]> {
  const sql = db.$client;
  const repositories = options.repositories ?? [{ fullName: "acme/widgets", language: "TypeScript" }];
  const ids: number[] = [];
  const ranks: { issueId: number; priority: number | null }[] = [];
  let index = 0;
  for (const repository of repositories) {
    const [repo] = await sql`
      insert into repositories (full_name, language) values (${repository.fullName}, ${repository.language ?? null})
      on conflict (full_name_key) do update set language = excluded.language
      returning id`;
    const numbers = Array.from({ length: options.perRepository }, (_, n) => n + 1);
    const rows = await sql`
      insert into issues (repository_id, number, title)
      select ${repo!.id}, n, 'Issue ' || n from unnest(${numbers}::int[]) as t(n)
      returning id`;
    for (const row of rows) {
      const priority = options.priority ? options.priority(index) : ((index * 7919) % 1000) / 1000;
      index++;
      ids.push(Number(row.id));
      ranks.push({ issueId: Number(row.id), priority });
    }
  }
  await setRanks(db, ranks);
  return ids;
}

/**
 * Ranks issues at the given priorities, as if prioritization had (every factor equal to the
 * priority, equal weights); a null priority takes the issue out of the ranking.
 */
export async function setRanks(
  db: Database,
  ranks: { issueId: number; priority: number | null }[],
): Promise<void> {
  const sql = db.$client;
  const shares = { health: 0.2, impact: 0.2, solvability: 0.2, urgency: 0.2, uniqueness: 0.2 };
  const [run] = await sql`
    insert into priority_runs (weights, demote_low_value, languages)
    values (${JSON.stringify(shares)}::jsonb, true, '{}') returning id`;
  const ranked = ranks.filter((rank) => rank.priority !== null);
  await sql`delete from issue_ranks where issue_id = any(${ranks.map((rank) => rank.issueId)}::bigint[])`;
  await sql`
    insert into issue_ranks (issue_id, run_id, pinned, priority, health, impact, solvability, urgency, uniqueness, demoted)
    select i.id, ${run!.id}, i.pinned, t.p, t.p, t.p, t.p, t.p, t.p, false
    from unnest(${ranked.map((rank) => rank.issueId)}::bigint[], ${ranked.map((rank) => rank.priority)}::real[]) as t(id, p)
    join issues i on i.id = t.id`;
}
