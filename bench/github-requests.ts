/**
 * One question: how much of GitHub's rate limit does GlobaLLM spend to discover and fully analyze
 * 500 repositories, and what does a re-run inside the cache window cost?
 *
 * Against the local GitHub emulator, which charges like GitHub (a 304 is free; GraphQL costs by
 * its node-count rule). Side by side in the same run: the per-repository REST way of gathering
 * the same signals (what a client without GraphQL batching does) on a sample.
 *
 *   npm run bench:github-requests          (BENCH_REPOS=500, BENCH_DATABASE_URL optional)
 */

import { startGitHubEmulator } from "../emulator/start-emulator";
import { analyzeRepositories } from "../lib/analysis/analyze-repositories";
import { restSignalsNode } from "../lib/analysis/collect-signals-rest";
import { createDepsDevClient } from "../lib/analysis/dependents";
import { discoverRepositories } from "../lib/discovery/discover";
import { languages } from "../lib/discovery/languages";
import { ResponseCache } from "../lib/github/cache";
import { createGitHubClient, type GitHubClient } from "../lib/github/client";
import { createLogger } from "../lib/logger";
import { loadMachineSettings } from "../lib/settings/machine";
import { resolveAllSettings } from "../lib/settings/team";
import { freshBenchDatabase } from "./support/fresh-database";
import { report, round } from "./support/report";

const REPOS = Number(process.env.BENCH_REPOS ?? 500);
const REST_SAMPLE = Math.min(50, REPOS);
const log = createLogger("bench", "warn");

const emulator = await startGitHubEmulator({ repositories: Math.ceil(REPOS * 1.5), seed: 2026 });
const bench = await freshBenchDatabase();
const settings = Object.fromEntries(
  (
    await resolveAllSettings(
      bench.db,
      loadMachineSettings({ env: {}, configFile: "/nonexistent/globallm.json" }),
    )
  ).map((s) => [s.key, s.value]),
);

function client(db?: typeof bench.db): GitHubClient {
  return createGitHubClient({
    apiUrl: emulator.apiUrl,
    graphqlUrl: emulator.graphqlUrl,
    token: "ghp_bench",
    db,
    log,
    cacheMinutes: 60,
    maxWaitSeconds: 120,
    retryBaseMs: 50,
  });
}

interface Phase {
  name: string;
  repos: number;
  requests: number;
  points: number;
  notModified: number;
  cacheHits: number;
  seconds: number;
}

/** GitHub's side of the bill from the emulator: deps.dev calls are not GitHub's rate limit. */
function githubBill() {
  const stats = emulator.stats();
  const depsdev = Object.entries(stats.byRoute)
    .filter(([route]) => /deps/i.test(route))
    .reduce((sum, [, count]) => sum + count, 0);
  return {
    requests: stats.requests - depsdev,
    points: stats.points.core + stats.points.search + stats.points.graphql,
    notModified: stats.notModified,
  };
}

async function discoverAndAnalyze(name: string): Promise<Phase> {
  emulator.resetStats();
  const github = client(bench.db);
  const depsDev = createDepsDevClient({
    baseUrl: emulator.depsDevUrl,
    cache: new ResponseCache(bench.db),
    retryBaseMs: 50,
  });
  const started = performance.now();
  const discovered = await discoverRepositories({
    db: bench.db,
    github,
    depsDev,
    domain: "overall",
    focusLanguages: Object.keys(languages),
    maxResults: REPOS,
    minStars: 0,
    minDependents: 0,
    libraryOnly: false,
  });
  const names = discovered.repositories.map((repo) => repo.fullName);
  const analyzed = await analyzeRepositories(names, {
    db: bench.db,
    github,
    depsDev,
    settings,
    actor: "bench",
  });
  await github.flush();
  const bill = githubBill();
  return {
    name,
    repos: analyzed.filter((result) => result.found).length,
    ...bill,
    cacheHits: github.requests.stats().cacheHits,
    seconds: (performance.now() - started) / 1000,
  };
}

/** The same signals gathered one repository at a time over REST, on a sample. */
async function restBaseline(names: string[]): Promise<Phase> {
  emulator.resetStats();
  const github = client();
  const started = performance.now();
  for (const fullName of names) {
    const [owner = "", name = ""] = fullName.split("/");
    await restSignalsNode(github, { owner, name }, new Date());
  }
  return {
    name: "REST per repository (sample)",
    repos: names.length,
    ...githubBill(),
    cacheHits: 0,
    seconds: (performance.now() - started) / 1000,
  };
}

try {
  const first = await discoverAndAnalyze("first run: discover + analyze");
  const rerun = await discoverAndAnalyze("re-run inside the cache window");
  const sample = (
    await bench.db.query.repositories.findMany({ columns: { fullName: true }, limit: REST_SAMPLE })
  ).map((row) => row.fullName);
  const rest = await restBaseline(sample);
  const phases = [first, rerun, rest];
  const perRepo = (phase: Phase, value: number) => (phase.repos ? round(value / phase.repos, 4) : 0);
  report(
    `GitHub requests and rate-limit points for ${first.repos} repositories (emulator, GitHub's charging rules)`,
    ["phase", "repos", "requests", "requests/repo", "points", "points/repo", "304s", "cache hits", "seconds"],
    phases.map((phase) => [
      phase.name,
      phase.repos,
      phase.requests,
      perRepo(phase, phase.requests),
      phase.points,
      perRepo(phase, phase.points),
      phase.notModified,
      phase.cacheHits,
      round(phase.seconds, 1),
    ]),
    {
      repos: first.repos,
      requests_per_repo: perRepo(first, first.requests),
      rate_limit_points_per_repo: perRepo(first, first.points),
      rate_limit_points_rerun: rerun.points,
      requests_rerun: rerun.requests,
      rest_requests_per_repo: perRepo(rest, rest.requests),
      rest_points_per_repo: perRepo(rest, rest.points),
      ratio_requests_vs_rest: round(
        perRepo(rest, rest.requests) / Math.max(perRepo(first, first.requests), 1e-9),
        1,
      ),
    },
  );
} finally {
  await emulator.close();
  await bench.close();
}
