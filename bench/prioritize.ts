/**
 * One question: does re-prioritization stay fast at the scale of every open issue of thousands of
 * repositories? Generates 10,000 repositories and 1,000,000 issues in PostgreSQL, times a full
 * re-prioritization at 100k and at 1M issues (the ranking rebuilt and swapped in every time), and
 * the top-50 query.
 * Side by side: the per-issue feature computation (done once when an issue is fetched) on a sample.
 * As pgbench does, the table is vacuumed before each timed run (not timed), so a run does not pay
 * for the previous run's dead rows; each size is timed BENCH_RUNS times (3) and the median counts,
 * because a single run on a shared two-core machine swings by a fifth either way.
 *
 *   npm run bench:prioritize        (BENCH_ISSUES=1000000, BENCH_RUNS=3, BENCH_DATABASE_URL to use a server)
 */
import { computeIssueFeatures } from "../lib/prioritize/compute-features";
import { reprioritize } from "../lib/prioritize/reprioritize";
import { topPriorities } from "../lib/prioritize/top-priorities";
import { freshBenchDatabase } from "./support/fresh-database";
import { report, round } from "./support/report";

const TOTAL = Number(process.env.BENCH_ISSUES ?? 1_000_000);
const SMALL = Math.round(TOTAL / 10);
const REPOSITORIES = 10_000;
const FEATURE_SAMPLE = 20_000;
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const languages = ["python", "javascript", "typescript", "rust", "go", "java", "c", "ruby"];

const bench = await freshBenchDatabase({ max: 4 });
const sql = bench.db.$client;
const say = (text: string) => process.stderr.write(`[bench] ${text}\n`);

async function timed<T>(work: () => Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work();
  return { value, ms: performance.now() - started };
}

/** Issues with the features fetching would have stored; deterministic (setseed). */
async function addIssues(from: number, to: number): Promise<void> {
  for (let start = from; start <= to; start += 100_000) {
    const end = Math.min(to, start + 99_999);
    await sql`
      insert into issues (repository_id, number, title, body, labels, category, severity, solvability, urgency, uniqueness, low_value, feature_reasons, state, github_updated_at, data)
      select 1 + (g % ${REPOSITORIES}), g, 'Issue ' || g || case when g % 13 = 0 then ': crash when saving' when g % 29 = 0 then ': fix typo' else '' end,
        'Steps to reproduce: run the thing. Expected: it works. Actual: it does not.',
        array[(array['bug','enhancement','documentation','question'])[1 + g % 4]],
        (array['bug','feature','documentation','question','performance','security'])[1 + g % 6],
        (array['low','medium','high','critical'])[1 + (g * 7) % 4],
        (g * 37 % 100) / 100.0, (g * 53 % 100) / 100.0, case when g % 50 = 0 then 0.3 else 1 end, g % 29 = 0,
        jsonb_build_object('solvability', 'A bug with reproduction steps.', 'urgency', 'Urgency from high severity.', 'at', now()),
        case when g % 10 = 0 then 'closed' else 'open' end, now(), jsonb_build_object('comments', g % 40)
      from generate_series(${start}::int, ${end}::int) g`;
  }
  await sql`analyze issues`;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

/**
 * Times RUNS full re-prioritizations, alternating two weightings so that every run rewrites every
 * ranked row; returns the median run and every run's seconds.
 */
async function timedRuns(settings: Parameters<typeof reprioritize>[1]) {
  const alternate = { ...settings, weights: { ...settings.weights, impact: settings.weights.impact + 0.05 } };
  const runs: Array<{ value: Awaited<ReturnType<typeof reprioritize>>; ms: number }> = [];
  for (let run = 0; run < RUNS; run++) {
    await sql`vacuum analyze issues`;
    runs.push(await timed(() => reprioritize(bench.db, run % 2 === 0 ? settings : alternate)));
  }
  const ms = median(runs.map((run) => run.ms));
  return {
    ...runs.find((run) => run.ms === ms)!,
    seconds: runs.map((run) => round(run.ms / 1000, 2)),
    lastSettings: (RUNS - 1) % 2 === 0 ? settings : alternate,
  };
}

async function top50(): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < 15; i++) times.push((await timed(() => topPriorities(bench.db, { top: 50 }))).ms);
  return median(times);
}

try {
  say(`generating ${REPOSITORIES} repositories`);
  await sql`select setseed(0.42)`;
  await sql`
    insert into repositories (full_name, language, stars, health_score, impact_score, worth_working_on, analyzed_at)
    select 'owner' || g || '/repo' || g, (array[${sql.array(languages)}])[1][1 + g % ${languages.length}], (g * 97) % 50000,
      0.3 + random() * 0.7, 0.3 + random() * 0.7, g % 10 <> 0, now()
    from generate_series(1, ${REPOSITORIES}) g`;
  const settings = {
    weights: { health: 0.15, impact: 0.3, solvability: 0.2, urgency: 0.25, uniqueness: 0.1 },
    demoteLowValue: true,
    languages,
  };

  say(`generating ${SMALL} issues`);
  await addIssues(1, SMALL);
  const small = await timedRuns(settings);
  const smallTop = await top50();
  say(`${SMALL}: ${small.seconds.join(", ")} s; generating up to ${TOTAL}`);
  await addIssues(SMALL + 1, TOTAL);
  // Different weights from the 100k runs, so every priority changes.
  const largeSettings = { ...settings, weights: { ...settings.weights, impact: 0.35, urgency: 0.2 } };
  const large = await timedRuns(largeSettings);
  const largeTop = await top50();
  say(`${TOTAL}: ${large.seconds.join(", ")} s`);
  // The last timed run's weights again: the same ranking, rebuilt all the same.
  const rerun = await timed(() => reprioritize(bench.db, large.lastSettings));

  await sql`update issues set solvability = null where id <= ${FEATURE_SAMPLE}`;
  const features = await timed(() => computeIssueFeatures(bench.db, { batchSize: 2000 }));

  const perSecond = (count: number, ms: number) => Math.round(count / (ms / 1000));
  report(
    `Re-prioritization in PostgreSQL: ${REPOSITORIES} repositories, ${SMALL} and ${TOTAL} issues`,
    ["step", "issues", "ranked", "seconds", "issues/s", "top-50 ms (median of 15)"],
    [
      [
        `full re-prioritization (median of ${RUNS})`,
        SMALL,
        small.value.ranked,
        round(small.ms / 1000, 2),
        perSecond(SMALL, small.ms),
        round(smallTop, 1),
      ],
      [
        `full re-prioritization (median of ${RUNS})`,
        TOTAL,
        large.value.ranked,
        round(large.ms / 1000, 2),
        perSecond(TOTAL, large.ms),
        round(largeTop, 1),
      ],
      [
        "re-run, same weights",
        TOTAL,
        rerun.value.ranked,
        round(rerun.ms / 1000, 2),
        perSecond(TOTAL, rerun.ms),
        null,
      ],
      [
        "feature computation (once per fetched issue)",
        FEATURE_SAMPLE,
        features.value.measured,
        round(features.ms / 1000, 2),
        perSecond(FEATURE_SAMPLE, features.ms),
        null,
      ],
    ],
    {
      issues: TOTAL,
      issues_per_s: perSecond(TOTAL, large.ms),
      time_ratio_1m_vs_100k: round(large.ms / small.ms, 2),
      size_ratio: round(TOTAL / SMALL, 1),
      top50_ms_at_1m: round(largeTop, 1),
      top50_ms_at_100k: round(smallTop, 1),
      runs_100k_s: small.seconds,
      runs_1m_s: large.seconds,
      rerun_same_weights_s: round(rerun.ms / 1000, 2),
      feature_issues_per_s: perSecond(FEATURE_SAMPLE, features.ms),
    },
  );
} finally {
  await bench.close();
}
