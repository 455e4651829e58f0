import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { availableServers, freshDatabase } from "../test/databases";
import { seedIssues } from "../test/issue-fixtures";
import { startScriptedModelServer } from "../test/model-server/scripted-model-server.mock";
import { bundleWorker } from "./testing/bundle-worker";
import { WorkerFleet } from "./testing/worker-fleet";

const workers = 50;
const limitUsd = 0.5;
const apiKey = "sk-test-budget-0123456789";
const price = { input_per_mtok: 2, output_per_mtok: 8 };
const maxOutputTokens = 200;

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

      // Work stops by itself: a refusal, then no call in flight and no issue held for two seconds.
      let quiet = 0;
      const deadline = Date.now() + 120_000;
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

      // The hard limit held, counted two ways: the ledger's entries and the shared counter.
      expect(ledger!.settled).toBeLessThanOrEqual(limitUsd);
      expect(overall!.used).toBeCloseTo(ledger!.settled, 9);
      expect(overall!.reserved).toBe(0);
      expect(ledger!.unsettled).toBe(0);
      // Every request the model received was reserved and settled; refused calls never left.
      expect(ledger!.calls).toBe(server.requests.length);
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
  }, 180_000);
});
