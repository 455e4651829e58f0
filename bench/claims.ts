/**
 * How fast can agents claim and complete issues, and is any issue ever handed out twice?
 * Drains the same number of jobs with 1, 8, 32 and 64 concurrent claimers through our one-statement
 * claim (lib/assign) and through pg-boss 10's fetch + complete, on the same PostgreSQL, each run on
 * a fresh database. BENCH_DATABASE_URL picks the server (default: the local one on 5432),
 * BENCH_JOBS the jobs per run.
 */
import { randomBytes } from "node:crypto";
import PgBoss from "pg-boss";
import postgres from "postgres";
import { claimNextIssue } from "../lib/assign/claim-next-issue";
import { completeIssue } from "../lib/assign/finish-issue";
import { closeDatabase, createDatabase } from "../lib/db/client";
import { migrate } from "../lib/db/migrate";
import { seedIssues } from "../test/issue-fixtures";
import { report, round } from "./support/report";

const serverUrl = process.env.BENCH_DATABASE_URL ?? "postgresql://postgres@127.0.0.1:5432/postgres";
const jobs = Number(process.env.BENCH_JOBS ?? 3000);
const levels = [1, 8, 32, 64];

interface RunResult {
  jobs: number;
  seconds: number;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
  /** Claims of a job another claimer still held, or that had already been claimed once. */
  duplicates: number;
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function withFreshDatabase<T>(work: (url: string) => Promise<T>): Promise<T> {
  const name = `globallm_bench_claims_${randomBytes(4).toString("hex")}`;
  const admin = postgres(serverUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  try {
    return await work(url.toString());
  } finally {
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

/**
 * Runs `claimers` loops of claim → complete until claims come back empty; a claim of an id already
 * claimed in this run counts as a duplicate (every job is completed once, never failed or released).
 */
async function drain(
  claimers: number,
  claim: () => Promise<string | null>,
  complete: (id: string) => Promise<void>,
): Promise<Omit<RunResult, "jobs">> {
  const seen = new Set<string>();
  const latencies: number[] = [];
  let duplicates = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: claimers }, async () => {
      for (;;) {
        const before = performance.now();
        const id = await claim();
        latencies.push(performance.now() - before);
        if (id === null) return;
        if (seen.has(id)) duplicates++;
        seen.add(id);
        await complete(id);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return {
    seconds,
    throughput: seen.size / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    duplicates,
  };
}

async function runOurs(claimers: number): Promise<RunResult> {
  return withFreshDatabase(async (url) => {
    const db = createDatabase(url, { max: claimers, applicationName: "bench-claims" });
    try {
      await migrate(db.$client);
      await seedIssues(db, { perRepository: jobs });
      const leases = new Map<string, Awaited<ReturnType<typeof claimNextIssue>>>();
      let agent = 0;
      const result = await drain(
        claimers,
        async () => {
          const claim = await claimNextIssue(db, {
            agentId: `bench-${agent++ % claimers}`,
            leaseSeconds: 300,
          });
          if (!claim) return null;
          const id = String(claim.issueId);
          // Same id twice would also mean two holders at once: count it even before completion.
          if (leases.has(id)) return id;
          leases.set(id, claim);
          return id;
        },
        (id) => completeIssue(db, leases.get(id)!),
      );
      // Independent check from the audit trail: every issue claimed exactly once, completed once.
      const [audit] = await db.$client`
        select count(*) filter (where action = 'issue.claimed')::int as claims,
          count(distinct subject_id) filter (where action = 'issue.claimed')::int as claimed,
          count(*) filter (where action = 'issue.completed')::int as completions
        from events where subject_type = 'issue'`;
      const auditDuplicates = Number(audit!.claims) - Number(audit!.claimed);
      if (Number(audit!.completions) !== jobs)
        throw new Error(`ours: ${audit!.completions} of ${jobs} completed`);
      return { ...result, jobs, duplicates: Math.max(result.duplicates, auditDuplicates) };
    } finally {
      await closeDatabase(db);
    }
  });
}

async function runPgBoss(claimers: number): Promise<RunResult> {
  return withFreshDatabase(async (url) => {
    const boss = new PgBoss({ connectionString: url, max: claimers, supervise: false, schedule: false });
    let stopping = false;
    // Dropping the database afterwards ends pg-boss's idle connections; only earlier errors matter.
    boss.on("error", (error) => {
      if (!stopping) process.stderr.write(`pg-boss: ${String(error)}\n`);
    });
    await boss.start();
    try {
      const queue = "bench";
      await boss.createQueue(queue);
      for (let offset = 0; offset < jobs; offset += 1000) {
        const batch = Math.min(1000, jobs - offset);
        await boss.insert(Array.from({ length: batch }, () => ({ name: queue, data: {} })));
      }
      const result = await drain(
        claimers,
        async () => {
          const [job] = await boss.fetch(queue, { batchSize: 1 });
          return job ? job.id : null;
        },
        async (id) => {
          await boss.complete(queue, id);
        },
      );
      return { ...result, jobs };
    } finally {
      stopping = true;
      await boss.stop({ graceful: false, wait: true });
    }
  });
}

async function main(): Promise<void> {
  const rows: (string | number)[][] = [];
  const figures: Record<string, unknown> = {};
  let duplicates = 0;
  let ratioAt64 = 0;
  for (const [index, claimers] of levels.entries()) {
    process.stderr.write(`claims: ${claimers} claimer(s), ${jobs} jobs each side…\n`);
    // Alternate which side goes first so neither always meets a warmer server.
    const ours = index % 2 === 0 ? await runOurs(claimers) : undefined;
    const boss = await runPgBoss(claimers);
    const oursResult = ours ?? (await runOurs(claimers));
    duplicates += oursResult.duplicates;
    const ratio = oursResult.throughput / boss.throughput;
    if (claimers === 64) ratioAt64 = ratio;
    rows.push([
      claimers,
      Math.round(oursResult.throughput),
      round(oursResult.p50Ms, 2),
      round(oursResult.p99Ms, 2),
      Math.round(boss.throughput),
      round(boss.p50Ms, 2),
      round(boss.p99Ms, 2),
      round(ratio, 2),
      oursResult.duplicates,
      boss.duplicates,
    ]);
    figures[`c${claimers}`] = {
      ours: {
        jobs_per_s: round(oursResult.throughput, 1),
        p50_ms: round(oursResult.p50Ms, 3),
        p99_ms: round(oursResult.p99Ms, 3),
      },
      pgboss: {
        jobs_per_s: round(boss.throughput, 1),
        p50_ms: round(boss.p50Ms, 3),
        p99_ms: round(boss.p99Ms, 3),
      },
      ratio: round(ratio, 3),
    };
  }
  report(
    `Claim + complete, ${jobs} jobs per run (${new URL(serverUrl).host})`,
    [
      "claimers",
      "ours jobs/s",
      "ours p50 ms",
      "ours p99 ms",
      "pg-boss jobs/s",
      "pg-boss p50 ms",
      "pg-boss p99 ms",
      "ratio",
      "ours dup",
      "pg-boss dup",
    ],
    rows,
    { bench: "claims", jobs_per_run: jobs, duplicates, ratio_vs_pgboss: round(ratioAt64, 3), ...figures },
  );
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`bench:claims failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
