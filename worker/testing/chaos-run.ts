import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import type { Database } from "../../lib/db/client";
import { seedIssues } from "../../test/issue-fixtures";
import { testExecutionsTableSql } from "../processors/testing/record-execution";
import { bundleWorker } from "./bundle-worker";
import { checkIssueHistory, type Execution, type IssueEvent } from "./issue-history";
import { WorkerFleet } from "./worker-fleet";

export interface ChaosOptions {
  db: Database;
  url: string;
  workers: number;
  issues: number;
  /** Milliseconds between SIGKILLs. */
  killEveryMs: number;
  deadlineMs: number;
  progress?: (line: string) => void;
}

export interface ChaosReport {
  seconds: number;
  workersStarted: number;
  kills: number;
  claims: number;
  completions: number;
  staleReleases: number;
  failures: number;
  executions: number;
  interruptedExecutions: number;
  totals: Record<string, number>;
  /** Workers that ended other than by our SIGKILL or a clean exit 0 after SIGTERM. */
  crashed: string[];
  /** Every violation found in the issues' histories. */
  problems: string[];
  issuesWithHistory: number;
}

/**
 * Runs a fleet of real worker processes over `issues` fresh issues while SIGKILLing a random worker
 * every `killEveryMs` (and starting a new one), until every issue is completed; then stops the fleet
 * with SIGTERM and checks every issue's history. The database must be migrated and empty.
 */
export async function runChaos(options: ChaosOptions): Promise<ChaosReport> {
  const { db } = options;
  const home = mkdtempSync(join(tmpdir(), "globallm-chaos-"));
  const fleet = new WorkerFleet(
    {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      GLOBALLM_DATABASE_URL: options.url,
      GLOBALLM_TEST_MODE: "1",
      GLOBALLM_LOG_LEVEL: "warn",
      // Leases of 3 s renewed every second: a killed worker's issue is back in the pool within seconds.
      GLOBALLM_HEARTBEAT_TIMEOUT: "0.05",
      GLOBALLM_HEARTBEAT_INTERVAL: "1",
      GLOBALLM_TEST_JOB_MS: "5-40",
    },
    // One connection per worker keeps 50 processes within PostgreSQL's default 100 connections.
    ["--processor", "record-execution", "--no-listen", "--db-connections", "1", "--idle-max-seconds", "1"],
    "chaos",
    await bundleWorker(),
  );
  try {
    await db.$client.unsafe(testExecutionsTableSql);
    // An issue may be hit by several kills in a row; it must come back every time, not fail.
    await db.$client`insert into settings (key, value, updated_by) values ('agent.max_attempts', '50'::jsonb, 'test')`;
    await seedIssues(db, {
      repositories: Array.from({ length: 10 }, (_, n) => ({ fullName: `chaos/repo-${n}`, language: "Go" })),
      perRepository: options.issues / 10,
    });
    for (let n = 0; n < options.workers; n++) fleet.start();
    let kills = 0;
    let completed = 0;
    const deadline = Date.now() + options.deadlineMs;
    const started = Date.now();
    for (let tick = 1; completed < options.issues && Date.now() < deadline; tick++) {
      // A fixed cadence: the time spent killing and counting does not stretch the interval.
      await sleep(Math.max(0, started + tick * options.killEveryMs - Date.now()));
      const alive = fleet.alive;
      const victim = alive[Math.floor(Math.random() * alive.length)];
      if (victim) {
        await fleet.kill(victim);
        kills++;
        fleet.start();
      }
      const [row] =
        await db.$client`select count(*)::int as n from issues where assignment_status = 'completed'`;
      completed = row!.n;
      options.progress?.(
        `${Math.round((Date.now() - started) / 1000)}s: ${completed} completed, ${kills} killed`,
      );
    }
    const seconds = (Date.now() - started) / 1000;
    await fleet.stopAll();
    return { ...(await inspect(db, fleet)), seconds, kills, workersStarted: fleet.workers.length };
  } finally {
    await fleet.stopAll(5000);
    rmSync(home, { recursive: true, force: true });
  }
}

async function inspect(db: Database, fleet: WorkerFleet) {
  // A worker SIGTERMed before it got going (it was just restarted) dies by the signal; every
  // registered one must stop cleanly with exit 0, and only our SIGKILLs may end one otherwise.
  const registered = new Set((await db.$client`select id from agents`).map((row) => String(row.id)));
  const crashed = fleet.workers
    .filter(
      (worker) =>
        worker.exit?.code !== 0 &&
        worker.exit?.signal !== "SIGKILL" &&
        (worker.exit?.signal !== "SIGTERM" || registered.has(worker.agentId)),
    )
    .map(
      (worker) =>
        `${worker.agentId} (${worker.exit?.code ?? worker.exit?.signal}): ${worker.stderr.slice(-3).join(" | ")}`,
    );
  const totals = Object.fromEntries(
    (await db.$client`select assignment_status, count(*)::int as n from issues group by 1`).map((row) => [
      String(row.assignment_status),
      Number(row.n),
    ]),
  );
  const events = (
    await db.$client`
      select subject_id::bigint as issue, action, data->>'leaseToken' as token, data->>'agentId' as agent,
        extract(epoch from at) * 1000 as at
      from events where subject_type = 'issue' and action <> 'issue.progress' order by id`
  ).map(
    (row): IssueEvent => ({
      issue: Number(row.issue),
      action: String(row.action),
      token: row.token as string | null,
      agent: row.agent as string | null,
      at: Number(row.at),
    }),
  );
  const executions = (
    await db.$client`
      select issue_id as issue, lease_token as token, agent_id as agent,
        extract(epoch from started_at) * 1000 as started, extract(epoch from finished_at) * 1000 as finished
      from test_executions`
  ).map(
    (row): Execution => ({
      issue: Number(row.issue),
      token: String(row.token),
      agent: String(row.agent),
      started: Number(row.started),
      finished: row.finished === null ? null : Number(row.finished),
    }),
  );
  const byIssue = <T extends { issue: number }>(rows: T[]) => {
    const map = new Map<number, T[]>();
    for (const row of rows) map.set(row.issue, [...(map.get(row.issue) ?? []), row]);
    return map;
  };
  const eventsByIssue = byIssue(events);
  const executionsByIssue = byIssue(executions);
  const problems = [...eventsByIssue].flatMap(([issue, history]) =>
    checkIssueHistory(issue, history, executionsByIssue.get(issue) ?? []),
  );
  const count = (action: string) => events.filter((event) => event.action === action).length;
  return {
    claims: count("issue.claimed"),
    completions: count("issue.completed"),
    staleReleases: count("issue.released"),
    failures: count("issue.failed"),
    executions: executions.length,
    interruptedExecutions: executions.filter((execution) => execution.finished === null).length,
    totals,
    crashed,
    problems,
    issuesWithHistory: eventsByIssue.size,
  };
}
