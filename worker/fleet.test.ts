/**
 * The fleet tests: many real worker processes against one database. They live in one file so that
 * vitest runs them one after the other — two fleets at once would need 100+ connections and
 * starve each other on small machines.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { availableServers, freshDatabase } from "../test/databases";
import { seedIssues } from "../test/issue-fixtures";
import { startScriptedModelServer } from "../test/model-server/scripted-model-server.mock";
import { bundleWorker } from "./testing/bundle-worker";
import { runChaos } from "./testing/chaos-run";
import { WorkerFleet } from "./testing/worker-fleet";

const workers = 50;

async function until(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error("condition not reached in time");
    await sleep(250);
  }
}
const limitUsd = 0.5;
const apiKey = "sk-test-budget-0123456789";
const price = { input_per_mtok: 2, output_per_mtok: 8 };
const maxOutputTokens = 200;
const issues = 5000;

describe.each(availableServers())("hard cost limit on %s PostgreSQL", (kind) => {
  it(`${workers} worker processes making priced model calls never settle more than the cost limit`, async () => {
    const test = await freshDatabase(kind);
    const home = mkdtempSync(join(tmpdir(), "globallm-budget-"));
    // A model that takes 20-80 ms and reports realistic usage: the prompt's bytes / 4, and a
    // completion of 50-250 tokens (capped by max_tokens, as a provider does).
    const server = await startScriptedModelServer((_request, index) => ({
      content: `patch ${index}`,
      completionTokens: 50 + ((index * 37) % 200),
      latencyMs: 20 + ((index * 13) % 60),
    }));
    const sql = test.db.$client;
    const fleet = new WorkerFleet(
      {
        PATH: process.env.PATH ?? "",
        HOME: home,
        XDG_CONFIG_HOME: join(home, "config"),
        XDG_DATA_HOME: join(home, "data"),
        GLOBALLM_DATABASE_URL: test.url,
        GLOBALLM_TEST_MODE: "1",
        GLOBALLM_LOG_LEVEL: "info",
        GLOBALLM_LLM_PROVIDER: "openai-compatible",
        OPENAI_BASE_URL: server.baseUrl,
        OPENAI_API_KEY: apiKey,
        GLOBALLM_TEST_MODEL_CALLS: "3",
      },
      ["--processor", "model-calls", "--no-listen", "--db-connections", "1", "--idle-max-seconds", "1"],
      "budget",
      await bundleWorker(),
    );
    try {
      const team: [string, unknown][] = [
        ["model.name", "scripted-1"],
        ["model.prices", { "scripted-1": price }],
        ["model.max_output_tokens", maxOutputTokens],
        ["budget.overall.cost_usd", limitUsd],
      ];
      for (const [key, value] of team) {
        await sql`insert into settings (key, value, updated_by) values (${key}, ${JSON.stringify(value)}::jsonb, 'test')`;
      }
      await seedIssues(test.db, {
        repositories: Array.from({ length: 5 }, (_, n) => ({
          fullName: `budget/repo-${n}`,
          language: "Rust",
        })),
        perRepository: 400,
      });
      const began = Date.now();
      const phases: Record<string, number> = {};
      const mark = (phase: string) => {
        phases[phase] ??= Math.round((Date.now() - began) / 100) / 10;
      };
      for (let n = 0; n < workers; n++) fleet.start();

      // All 50 must be running before "work stopped" can mean anything (startup is slow on a busy machine).
      await until(async () => (await sql`select count(*)::int as n from agents`)[0]!.n === workers, 120_000);
      mark("allRegistered");
      // Work stops by itself: a refusal, then no call in flight and no issue held for two seconds.
      let quiet = 0;
      const deadline = Date.now() + 180_000;
      while (quiet < 4 && Date.now() < deadline) {
        await sleep(500);
        const [state] = await sql`
          select (select count(*) from events where action = 'budget.refused')::int as refused,
            (select count(*) from budget_entries where status = 'reserved')::int as open,
            (select count(*) from issues where assignment_status = 'assigned')::int as assigned`;
        if (server.requests.length > 0) mark("firstCall");
        if (state!.refused > 0) mark("firstRefusal");
        quiet = state!.refused > 0 && state!.open === 0 && state!.assigned === 0 ? quiet + 1 : 0;
      }
      const requestsWhenQuiet = server.requests.length;
      await sleep(1500);
      // Still quiet: no worker made another call once the budget was spent.
      expect(server.requests.length).toBe(requestsWhenQuiet);
      mark("quiet");
      await fleet.stopAll();
      mark("stopped");

      const [ledger] = await sql`
        select sum(cost_usd)::float8 as settled, count(*)::int as calls,
          count(*) filter (where status <> 'settled')::int as unsettled,
          max(reserved_cost_usd)::float8 as largest_reservation
        from budget_entries`;
      const [overall] = await sql`
        select used_cost_usd::float8 as used, reserved_cost_usd::float8 as reserved from budget_counters where scope = 'overall'`;
      const [issues] = await sql`
        select count(*) filter (where assignment_status = 'completed')::int as completed,
          count(*) filter (where assignment_status = 'failed')::int as failed,
          count(*) filter (where assignment_status = 'assigned')::int as assigned
        from issues`;
      const refused = await sql`select count(*)::int as n from events where action = 'budget.refused'`;
      const figures = {
        server: kind,
        limitUsd,
        settledUsd: ledger!.settled,
        calls: ledger!.calls,
        modelRequests: server.requests.length,
        refusals: refused[0]!.n,
        completedIssues: issues!.completed,
        largestReservationUsd: ledger!.largest_reservation,
        secondsAt: phases,
      };
      console.info(`[budget ${kind}] ${JSON.stringify(figures)}`);
      console.info(
        `[budget ${kind}] warnings ${JSON.stringify(fleet.workers.flatMap((worker) => worker.stderr.filter((line) => / (warn|error) /.test(line) && !line.includes("Budget limit reached"))))}`,
      );

      // The hard limit held, counted two ways: the ledger's entries and the shared counter.
      expect(ledger!.settled).toBeLessThanOrEqual(limitUsd);
      expect(overall!.used).toBeCloseTo(ledger!.settled, 9);
      expect(overall!.reserved).toBe(0);
      expect(ledger!.unsettled).toBe(0);
      // Every request the model received was reserved and settled first; refused calls never left.
      // (A call that died on the way is in the ledger too, charged its worst case.)
      expect(server.requests.length).toBeLessThanOrEqual(ledger!.calls);
      const [failed] = await sql`select count(*)::int as n from budget_entries where note is not null`;
      expect(ledger!.calls - failed!.n).toBeLessThanOrEqual(server.requests.length);
      expect(server.requests.every((request) => request.authorization === `Bearer ${apiKey}`)).toBe(true);
      // The budget was really used up: less than one worst-case call of room was left.
      expect(limitUsd - ledger!.settled).toBeLessThan(ledger!.largest_reservation);
      // Stopped cleanly: no issue held or failed because of the budget; every worker exited 0.
      expect(issues).toMatchObject({ failed: 0, assigned: 0 });
      expect(issues!.completed).toBeGreaterThan(0);
      expect(
        fleet.workers.filter((worker) => worker.exit?.code !== 0).map((worker) => worker.stderr.at(-1)),
      ).toEqual([]);
      for (const worker of fleet.workers) expect(worker.stderr.join("\n")).not.toContain(apiKey);
    } finally {
      await fleet.stopAll(5000);
      await server.close();
      await test.drop();
      rmSync(home, { recursive: true, force: true });
    }
  }, 360_000);
});

describe.each(availableServers())("worker fleet under chaos on %s PostgreSQL", (kind) => {
  it(`${workers} worker processes drain ${issues} issues while one is SIGKILLed every second`, async () => {
    const test = await freshDatabase(kind);
    try {
      const report = await runChaos({
        db: test.db,
        url: test.url,
        workers,
        issues,
        killEveryMs: 1000,
        // Typically 40-60 s; the margin is for a machine busy with other work.
        deadlineMs: 240_000,
      });
      console.info(`[chaos ${kind}] ${JSON.stringify({ ...report, problems: report.problems.length })}`);
      expect(report.crashed).toEqual([]);
      // No issue lost: every one completed, and every one has a history.
      expect(report.totals).toEqual({ completed: issues });
      expect(report.issuesWithHistory).toBe(issues);
      // Exactly once, by the lease holder, never two executions of one issue at the same time.
      expect(report.problems.slice(0, 20)).toEqual([]);
      expect(report.completions).toBe(issues);
      expect(report.kills).toBeGreaterThanOrEqual(5);
      // The recovery path ran: issues of killed holders came back and were completed by others.
      expect(report.staleReleases).toBeGreaterThan(0);
    } finally {
      await test.drop();
    }
  }, 360_000);
});
