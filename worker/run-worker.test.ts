import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { claimNextIssue } from "../lib/assign/claim-next-issue";
import { releaseIssue } from "../lib/assign/release";
import type { ClaimedIssue } from "../lib/assign/types";
import { BudgetExceededError } from "../lib/budget/budget-errors";
import { createLogger } from "../lib/logger";
import { loadMachineSettings } from "../lib/settings/machine";
import { availableServers, freshDatabase, type TestDatabase } from "../test/databases";
import { seedIssues } from "../test/issue-fixtures";
import { BaseProcessor, NonRetryableError, type ProcessorContext } from "./processors/base-processor";
import { runWorker } from "./run-worker";

type Job = (context: ProcessorContext<ClaimedIssue>) => Promise<Record<string, unknown> | undefined>;

/** A processor whose job the test scripts. */
class ScriptedProcessor extends BaseProcessor<ClaimedIssue> {
  readonly name = "scripted";
  protected readonly payloadSchema = z.custom<ClaimedIssue>(
    (value) => typeof value === "object" && value !== null,
  );
  constructor(private readonly job: Job) {
    super();
  }
  protected process(context: ProcessorContext<ClaimedIssue>) {
    return this.job(context);
  }
}

describe.each(availableServers())("worker loop on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  let home: string;
  const log = createLogger("test", "error");
  beforeAll(async () => {
    test = await freshDatabase(kind);
    home = mkdtempSync(join(tmpdir(), "globallm-worker-"));
  });
  afterAll(() => test?.drop());
  beforeEach(async () => {
    await test.db
      .$client`truncate issues, repositories, agents, events, settings, budget_counters, budget_entries restart identity cascade`;
  });

  const sql = () => test.db.$client;
  function start(job: Job, options: { once?: boolean; agentId?: string } = {}) {
    const stopClaiming = new AbortController();
    const interrupt = new AbortController();
    const machine = loadMachineSettings({
      env: {
        HOME: home,
        XDG_CONFIG_HOME: join(home, "config"),
        GLOBALLM_DATABASE_URL: test.url,
        // A 1.2 s lease renewed every 0.2 s, so lease loss and expiry show within a second or two.
        GLOBALLM_HEARTBEAT_TIMEOUT: "0.02",
        GLOBALLM_HEARTBEAT_INTERVAL: "0.2",
      },
    });
    const done = runWorker({
      db: test.db,
      machine,
      agentId: options.agentId ?? "w1",
      processor: new ScriptedProcessor(job),
      concurrency: 1,
      once: options.once ?? false,
      listen: true,
      idleMinMs: 50,
      idleMaxMs: 200,
      log,
      stopClaiming: stopClaiming.signal,
      interrupt: interrupt.signal,
    });
    return {
      done,
      stop: () => stopClaiming.abort(),
      interrupt: () => interrupt.abort(new Error("interrupt")),
    };
  }
  async function until(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error("condition not reached in time");
      await sleep(50);
    }
  }
  const statuses = async () =>
    (await sql()`select assignment_status as s from issues order by id`).map((row) => String(row.s));
  const actions = async (issueId: number) =>
    (
      await sql()`select action, data from events where subject_type = 'issue' and subject_id = ${String(issueId)}
      and action <> 'issue.progress' order by id`
    ).map((row) => `${row.action}${row.data.reason ? `:${row.data.reason}` : ""}`);

  it("completes every claimed issue once, records the result, and stops when asked", async () => {
    await seedIssues(test.db, { perRepository: 5 });
    const worker = start(async ({ issue, progress }) => {
      await progress(50, "halfway");
      return { number: issue.number };
    });
    await until(async () => (await statuses()).every((status) => status === "completed"));
    worker.stop();
    expect(await worker.done).toMatchObject({ claimed: 5, completed: 5, failed: 0 });
    const [event] = await sql()`select data from events where action = 'issue.completed' order by id limit 1`;
    expect(event!.data.result).toEqual({ number: expect.any(Number) });
    const [agent] = await sql()`select status from agents where id = 'w1'`;
    expect(agent!.status).toBe("stopped");
  });

  it("stops a job whose lease was taken away before its side effect, and records nothing for it", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    let runs = 0;
    let sideEffects = 0;
    let firstStopped: unknown;
    const worker = start(async ({ signal, assertLease }) => {
      runs++;
      if (runs === 1) {
        await new Promise((resolve) => signal.addEventListener("abort", resolve, { once: true }));
        firstStopped = signal.reason;
        await assertLease(); // throws: the lease is gone
      }
      await assertLease();
      sideEffects++;
      return {};
    });
    await until(async () => runs === 1);
    await releaseIssue(test.db, id!, "user:admin");
    await until(async () => (await statuses())[0] === "completed");
    worker.stop();
    await worker.done;
    expect(firstStopped).toMatchObject({ reason: "lease_lost" });
    expect(sideEffects).toBe(1);
    expect(await actions(id!)).toEqual([
      "issue.claimed",
      "issue.released:admin",
      "issue.claimed",
      "issue.completed",
    ]);
  });

  it("on stop lets the running job finish; on interrupt gives the issue back with its attempt refunded", async () => {
    await seedIssues(test.db, { perRepository: 3, priority: (n) => 1 - n / 10 });
    let started = 0;
    const finishing = start(async () => {
      started++;
      await sleep(300);
      return {};
    });
    await until(async () => started === 1);
    finishing.stop();
    expect(await finishing.done).toMatchObject({ claimed: 1, completed: 1 });
    expect(await statuses()).toEqual(["completed", "available", "available"]);

    const interrupted = start(async ({ signal }) => {
      await sleep(10_000, undefined, { signal });
      return {};
    });
    await until(async () => (await statuses()).includes("assigned"));
    interrupted.stop();
    interrupted.interrupt();
    expect(await interrupted.done).toMatchObject({ released: 1, completed: 0 });
    const rows =
      await sql()`select assignment_status, attempts from issues where assignment_status <> 'completed'`;
    expect(rows.map((row) => [row.assignment_status, row.attempts])).toEqual([
      ["available", 0],
      ["available", 0],
    ]);
  });

  it("classifies failures: retry with backoff, fail for good, per-issue budget, and a spent overall budget stops claims", async () => {
    const ids = await seedIssues(test.db, { perRepository: 5, priority: (n) => 1 - n / 10 });
    // A limit below one call's worst case: after an overall refusal there is no headroom to resume.
    await sql()`insert into settings (key, value, updated_by) values ('budget.overall.cost_usd', '0.000001'::jsonb, 'test')`;
    const worker = start(async ({ issue }) => {
      const limit = { used: 1, reserved: 0, requested: 1, limit: 1 };
      switch (issue.issueId) {
        case ids[0]:
          throw new Error("flaky network");
        case ids[1]:
          throw new NonRetryableError("the issue is not reproducible");
        case ids[2]:
          throw new BudgetExceededError(`issue:${issue.issueId}`, "per_issue", "cost_usd", limit);
        default:
          throw new BudgetExceededError("overall", "overall", "cost_usd", limit);
      }
    });
    await until(async () => (await sql()`select 1 from events where action = 'issue.released'`).length > 0);
    await sleep(500);
    worker.stop();
    expect(await worker.done).toMatchObject({ claimed: 4, failed: 3, released: 1 });
    const rows =
      await sql()`select assignment_status, attempts, available_after > now() as waiting, last_error
      from issues order by id`;
    expect(rows.map((row) => [row.assignment_status, row.attempts, row.waiting])).toEqual([
      ["available", 1, true],
      ["failed", 1, null],
      ["failed", 1, null],
      ["available", 0, null],
      ["available", 0, null],
    ]);
    expect(rows[2]!.last_error).toMatch(/^Budget limit reached for issue:/);
  });

  it("returns an expired assignment of a dead agent to the pool, then completes it", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    await claimNextIssue(test.db, { agentId: "dead-agent", leaseSeconds: 0.1 });
    const worker = start(async () => ({}));
    await until(async () => (await statuses())[0] === "completed");
    worker.stop();
    await worker.done;
    expect(await actions(id!)).toEqual([
      "issue.claimed",
      "issue.released:lease_expired",
      "issue.claimed",
      "issue.completed",
    ]);
  });

  it("with --once takes at most one issue, and returns at once when there is none", async () => {
    await seedIssues(test.db, { perRepository: 2, priority: (n) => 1 - n / 10 });
    expect(await start(async () => ({}), { once: true }).done).toMatchObject({ claimed: 1, completed: 1 });
    expect(await statuses()).toEqual(["completed", "available"]);
    await sql()`update issues set skipped = true`;
    expect(await start(async () => ({}), { once: true }).done).toMatchObject({ claimed: 0 });
  });
});
