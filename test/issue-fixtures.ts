import type { Database } from "../lib/db/client";

export interface SeedOptions {
  repositories?: { fullName: string; language?: string }[];
  /** Issues per repository. */
  perRepository: number;
  /** Priority of the n-th issue (default: spread over 0..1 so the order is well defined). */
  priority?: (index: number) => number | null;
}

/** Inserts repositories and open, available issues in bulk; returns the issue ids in insertion order. */
export async function seedIssues(db: Database, options: SeedOptions): Promise<number[]> {
  const sql = db.$client;
  const repositories = options.repositories ?? [{ fullName: "acme/widgets", language: "TypeScript" }];
  const ids: number[] = [];
  let index = 0;
  for (const repository of repositories) {
    const [repo] = await sql`
      insert into repositories (full_name, language) values (${repository.fullName}, ${repository.language ?? null})
      on conflict (full_name_key) do update set language = excluded.language
      returning id`;
    const numbers = Array.from({ length: options.perRepository }, (_, n) => n + 1);
    const priorities = numbers.map(() => {
      const value = options.priority ? options.priority(index) : ((index * 7919) % 1000) / 1000;
      index++;
      return value;
    });
    const rows = await sql`
      insert into issues (repository_id, number, title, priority)
      select ${repo!.id}, n, 'Issue ' || n, p
      from unnest(${numbers}::int[], ${priorities}::real[]) as t(n, p)
      returning id`;
    ids.push(...rows.map((row) => Number(row.id)));
  }
  return ids;
}
