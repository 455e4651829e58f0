import { count, isNotNull } from "drizzle-orm";
import type { Database } from "../db/client";
import { repositories } from "../db/schema";

export interface Facet {
  value: string;
  count: number;
}

export interface RepositoryFacets {
  languages: Facet[];
  domains: Facet[];
}

/**
 * The languages and domains present in the store, most common first, for the filter menus.
 * Grouped on the raw columns so PostgreSQL can count from an index alone (grouping on
 * lower(language) cost 3–4× as much at 100,000 rows); languages are then merged lower-cased,
 * as `listRepositories` compares them.
 */
export async function repositoryFacets(db: Database): Promise<RepositoryFacets> {
  const [languages, domains] = await Promise.all([
    db
      .select({ value: repositories.language, count: count() })
      .from(repositories)
      .where(isNotNull(repositories.language))
      .groupBy(repositories.language),
    db
      .select({ value: repositories.domain, count: count() })
      .from(repositories)
      .where(isNotNull(repositories.domain))
      .groupBy(repositories.domain),
  ]);
  return { languages: merged(languages, (value) => value.toLowerCase()), domains: merged(domains, (v) => v) };
}

function merged(rows: { value: string | null; count: number }[], key: (value: string) => string): Facet[] {
  const counts = new Map<string, number>();
  for (const row of rows) {
    if (row.value === null) continue;
    counts.set(key(row.value), (counts.get(key(row.value)) ?? 0) + row.count);
  }
  return [...counts]
    .map(([value, total]) => ({ value, count: total }))
    .sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}
