/**
 * Does the Repositories page stay fast with 100,000 repositories in the store?
 * Fills a fresh database (BENCH_DATABASE_URL, or a throwaway embedded PostgreSQL) with
 * BENCH_REPOSITORIES rows (default 100,000) shaped like analyzed ones — the stored analysis,
 * signals and GitHub payload are as large as real ones (~3, ~1.3 and ~5.5 KB), because the page
 * query reads whole rows — then times the queries the page runs: `listRepositories` (one page plus
 * the total) with every sort, filter and search, and the filter menus' `repositoryFacets`.
 *
 * With BENCH_PROPOSED_INDEXES=1 it first creates the indexes proposed below (not yet in a
 * migration), to measure what they buy.
 *
 *   npm run bench:repositories-page
 *   BENCH_PROPOSED_INDEXES=1 npm run bench:repositories-page
 */

import { repositoryFacets } from "../lib/repositories/facets";
import { type ListRepositoriesParams, listRepositories } from "../lib/repositories/queries";
import { freshBenchDatabase } from "./support/fresh-database";
import { report, round } from "./support/report";

const total = Number(process.env.BENCH_REPOSITORIES ?? 100_000);
const runs = Number(process.env.BENCH_RUNS ?? 15);
const withProposedIndexes = process.env.BENCH_PROPOSED_INDEXES === "1";

/**
 * Proposed for a migration: trigram indexes so a search is not a scan of every name and
 * description (`ilike '%term%'` cannot use a btree); the score sorts the triage view opens with,
 * in the order `listRepositories` asks for them (descending, unanalyzed last, then id); and the
 * language and domain filters.
 */
const proposedIndexes = [
  "create extension if not exists pg_trgm",
  "create index repositories_full_name_trgm_idx on repositories using gin (full_name gin_trgm_ops)",
  "create index repositories_description_trgm_idx on repositories using gin (description gin_trgm_ops)",
  "create index repositories_health_score_idx on repositories (health_score desc nulls last, id)",
  "create index repositories_impact_score_idx on repositories (impact_score desc nulls last, id)",
  "create index repositories_analyzed_at_idx on repositories (analyzed_at desc nulls last, id)",
  // The language filter compares lower(language); the domain menu and filter read domain.
  "create index repositories_language_lower_idx on repositories (lower(language))",
  "create index repositories_domain_idx on repositories (domain)",
];

const cases: [string, ListRepositoriesParams][] = [
  ["default: stars desc, page 1", {}],
  ["sort health desc", { sort: "health", direction: "desc" }],
  ["sort impact asc", { sort: "impact", direction: "asc" }],
  ["sort forks desc", { sort: "forks", direction: "desc" }],
  ["sort analyzed desc", { sort: "analyzed", direction: "desc" }],
  ["sort name asc, page 1000 (offset 49,950)", { sort: "name", direction: "asc", page: 1000 }],
  ["filter approved, sort impact desc", { filter: "approved", sort: "impact", direction: "desc" }],
  ["filter rejected, sort health asc", { filter: "rejected", sort: "health", direction: "asc" }],
  ["filter unanalyzed, sort stars desc", { filter: "unanalyzed" }],
  ["language python", { language: "python" }],
  ["domain ai_ml, sort health desc", { domain: "ai_ml", sort: "health", direction: "desc" }],
  [
    "approved + rust + security, sort impact desc",
    { filter: "approved", language: "rust", domain: "security", sort: "impact", direction: "desc" },
  ],
  ["search 'vector' (name or description)", { search: "vector" }],
  ["search 'owner-77/' (a name prefix)", { search: "owner-77/" }],
  ["search 'zzz-no-match'", { search: "zzz-no-match" }],
  [
    "search 'parser' + approved + python, sort health desc",
    { search: "parser", filter: "approved", language: "python", sort: "health", direction: "desc" },
  ],
  ["page size 100, page 20, sort stars asc", { pageSize: 100, page: 20, sort: "stars", direction: "asc" }],
];

const bench = await freshBenchDatabase({ max: 4 });
try {
  const filled = Date.now();
  await fill(bench.db.$client, total);
  if (withProposedIndexes) for (const statement of proposedIndexes) await bench.db.$client.unsafe(statement);
  await bench.db.$client.unsafe("vacuum analyze repositories");
  const fillSeconds = (Date.now() - filled) / 1000;

  const rows: (string | number)[][] = [];
  const figures: Record<string, number> = {};
  for (const [name, params] of cases) {
    let result: Awaited<ReturnType<typeof listRepositories>> | undefined;
    const timing = await time(async () => {
      result = await listRepositories(bench.db, params);
    });
    rows.push([name, result?.total ?? 0, result?.rows.length ?? 0, timing.p50, timing.p95, timing.max]);
    figures[name] = timing.p50;
  }
  let facets: Awaited<ReturnType<typeof repositoryFacets>> | undefined;
  const facetTiming = await time(async () => {
    facets = await repositoryFacets(bench.db);
  });
  const facetValues = (facets?.languages.length ?? 0) + (facets?.domains.length ?? 0);
  rows.push([
    "filter menus: repositoryFacets",
    facetValues,
    facetValues,
    facetTiming.p50,
    facetTiming.p95,
    facetTiming.max,
  ]);
  const slowestP95 = Math.max(...rows.map((row) => Number(row[4])));
  report(
    `Repositories page queries over ${total.toLocaleString("en-US")} repositories, ${withProposedIndexes ? "with" : "without"} the proposed indexes (filled in ${fillSeconds.toFixed(1)} s; ${runs} runs each after 2 warm-ups, ms)`,
    ["query", "matching", "rows", "p50", "p95", "max"],
    rows,
    {
      bench: "repositories-page",
      repositories: total,
      proposed_indexes: withProposedIndexes,
      runs,
      slowest_p95_ms: slowestP95,
      facets_p50_ms: facetTiming.p50,
      p50_ms: figures,
    },
  );
} finally {
  await bench.close();
}

async function time(work: () => Promise<void>): Promise<{ p50: number; p95: number; max: number }> {
  for (let warm = 0; warm < 2; warm++) await work();
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const at = (p: number) => round(samples[Math.min(samples.length - 1, Math.floor(p * samples.length))]!, 1);
  return { p50: at(0.5), p95: at(0.95), max: round(samples.at(-1)!, 1) };
}

/**
 * Inserts `count` repositories in batches of one statement each, generated by PostgreSQL itself
 * (sending 1 GB of JSON from here would measure the network, not the page). A third of them are
 * unanalyzed, as after a large `discover`; names, languages, domains and scores are spread so
 * every filter matches a realistic share.
 */
async function fill(sql: Awaited<ReturnType<typeof freshBenchDatabase>>["db"]["$client"], count: number) {
  const batch = 20_000;
  for (let start = 1; start <= count; start += batch) {
    const end = Math.min(count, start + batch - 1);
    await sql.unsafe(
      `
      with g as (
        select n,
          (array['python','javascript','typescript','rust','go','java','c++','ruby','php','kotlin'])[1 + n % 10] as language,
          case when n % 5 = 0 then null
            else (array['ai_ml','web_dev','data_science','cloud_devops','mobile','security','games'])[1 + n % 7] end as domain,
          (array['fast','vector','parser','http','orm','graph','stream','crypto','image','test'])[1 + n % 10] as word,
          (n % 3 <> 0) as analyzed,
          ((n * 7919) % 1000) / 1000.0 as health,
          ((n * 104729) % 997) / 997.0 as impact
        from generate_series($1::bigint, $2::bigint) as n
      )
      insert into repositories (full_name, description, language, domain, topics, license, project_kind,
        stars, forks, dependents, health_score, impact_score, worth_working_on, analysis_reason,
        analysis, signals, data, analyzed_at, discovered_at)
      select
        'owner-' || (n % 5000) || '/' || word || '-' || n,
        'A ' || word || ' library for ' || language || ' projects, number ' || n,
        language, domain, array[word, language], 'MIT', 'library',
        (power(10, (n % 1000) / 200.0))::int, ((n * 31) % 20000)::int, case when n % 4 = 0 then null else (n % 5000)::int end,
        case when analyzed then health end,
        case when analyzed then impact end,
        case when analyzed then health > 0.5 and impact > 0.5 end,
        case when analyzed then 'Health and impact against the 50%/50% thresholds.' end,
        case when analyzed then jsonb_build_object(
          'health', jsonb_build_object('score', health, 'reason', 'All 6 factors measured.',
            'used', (select jsonb_agg(jsonb_build_object('name', 'factor_' || f, 'value', health, 'weight', 0.15,
              'share', 0.16, 'raw', repeat('measurement ' || n || ' ', 6), 'reason', repeat('why ' || f || ' ', 12)))
              from generate_series(1, 6) f), 'excluded', '[]'::jsonb),
          'impact', jsonb_build_object('score', impact, 'reason', '3 of 5 factors measured.',
            'used', (select jsonb_agg(jsonb_build_object('name', 'factor_' || f, 'value', impact, 'weight', 0.2,
              'share', 0.33, 'raw', repeat('count ' || n || ' ', 6), 'reason', repeat('because ' || f || ' ', 10)))
              from generate_series(1, 3) f),
            'excluded', jsonb_build_array(jsonb_build_object('name', 'pagerank', 'value', null, 'weight', 0.2,
              'raw', 'not in the dependency graph', 'reason', 'The package is not in a loaded dependency graph.'))),
          'thresholds', jsonb_build_object('health', 0.5, 'impact', 0.5)) end,
        case when analyzed then jsonb_build_object('fullName', 'owner/' || n, 'stars', n,
          'commits', jsonb_build_object('last30', n % 40, 'last90', n % 120, 'last365', n % 500),
          'rootEntries', to_jsonb(array['.github', 'README.md', 'LICENSE', 'src', 'tests', 'package.json']),
          'notes', repeat('signal ' || n || ' ', 60)) end,
        jsonb_build_object('id', n, 'name', word || '-' || n, 'payload', repeat(md5(n::text), 170)),
        case when analyzed then now() - make_interval(mins => (n % 100000)::int) end,
        now() - make_interval(mins => (n % 50000)::int)
      from g`,
      [start, end],
    );
  }
}
