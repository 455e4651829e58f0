import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import { seedIssues } from "../../test/issue-fixtures";
import { closeDatabase, createDatabase } from "../db/client";
import { BudgetExceededError } from "./budget-errors";
import { hasGlobalHeadroom } from "./headroom";
import { type BudgetLimits, budgetLimits } from "./limits";
import { budgetOverview } from "./overview";
import { reserveBudget } from "./reserve";
import { resetBudget } from "./reset";
import { expireReservations, settleBudget } from "./settle";

const limitsWith = (values: Record<string, number>): BudgetLimits => budgetLimits(values);
const estimate = (costUsd: number, tokens = 100, ms = 1000) => ({ costUsd, tokens, ms });
const subject = { agentId: "a1", issueId: 7, repositoryId: 3, language: "Python" };

describe.each(availableServers())("budget ledger on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshDatabase(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    await test.db
      .$client`truncate budget_entries, budget_counters, budget_resets, events, issues, repositories restart identity cascade`;
  });
  const counters = async () =>
    Object.fromEntries(
      (
        await test.db
          .$client`select scope, used_cost_usd::float8 as used, reserved_cost_usd::float8 as reserved,
          used_input_tokens + used_output_tokens as tokens, reserved_tokens, calls from budget_counters`
      ).map((row) => [
        row.scope,
        { used: row.used, reserved: row.reserved, tokens: Number(row.tokens), calls: Number(row.calls) },
      ]),
    );

  it("reserves on every scope a call charges and settles the real usage in place of the reservation", async () => {
    const limits = limitsWith({ "budget.overall.cost_usd": 10 });
    const reservation = await reserveBudget(test.db, {
      subject,
      model: "m",
      estimate: estimate(0.5, 1000),
      limits,
    });
    expect(reservation.scopes).toEqual(["issue:7", "language:python", "overall", "repository:3", "weekly"]);
    let now = await counters();
    for (const scope of reservation.scopes) expect(now[scope]).toMatchObject({ used: 0, reserved: 0.5 });
    await settleBudget(test.db, reservation.entryId, {
      inputTokens: 300,
      outputTokens: 200,
      costUsd: 0.12,
      wallMs: 800,
    });
    now = await counters();
    for (const scope of reservation.scopes)
      expect(now[scope]).toEqual({ used: 0.12, reserved: 0, tokens: 500, calls: 1 });
    const [entry] = await test.db
      .$client`select status, cost_usd::float8, input_tokens, output_tokens, wall_ms from budget_entries`;
    expect(entry).toMatchObject({ status: "settled", cost_usd: 0.12, input_tokens: 300, output_tokens: 200 });
    // Settling twice changes nothing.
    await settleBudget(test.db, reservation.entryId, {
      inputTokens: 1,
      outputTokens: 1,
      costUsd: 5,
      wallMs: 1,
    });
    expect((await counters()).overall).toEqual({ used: 0.12, reserved: 0, tokens: 500, calls: 1 });
  });

  it("refuses a call that would pass a limit, records why, and changes nothing", async () => {
    const limits = limitsWith({ "budget.per_issue.cost_usd": 1 });
    const first = await reserveBudget(test.db, { subject, model: "m", estimate: estimate(0.6), limits });
    await settleBudget(test.db, first.entryId, { inputTokens: 1, outputTokens: 1, costUsd: 0.6, wallMs: 1 });
    const before = await counters();
    const refused = await reserveBudget(test.db, {
      subject,
      model: "m",
      estimate: estimate(0.5),
      limits,
    }).catch((e) => e);
    expect(refused).toBeInstanceOf(BudgetExceededError);
    expect(refused).toMatchObject({ scope: "issue:7", kind: "per_issue", measure: "cost_usd", exitCode: 1 });
    expect(refused.message).toMatch(
      /^Budget limit reached for issue:7: \$0\.6000 used and \$0\.0000 reserved of \$1\.00/,
    );
    expect(await counters()).toEqual(before);
    const [event] = await test.db
      .$client`select action, subject_id, data from events where action = 'budget.refused'`;
    expect(event).toMatchObject({
      subject_id: "issue:7",
      data: { measure: "cost_usd", limit: 1, requested: 0.5 },
    });
    // Another issue of the same repository still has room.
    await reserveBudget(test.db, {
      subject: { ...subject, issueId: 8 },
      model: "m",
      estimate: estimate(0.5),
      limits,
    });
  });

  it("enforces token and minute limits, per repository and per language", async () => {
    const tokens = limitsWith({ "budget.per_repo.tokens": 1000 });
    await reserveBudget(test.db, { subject, model: "m", estimate: estimate(0, 900), limits: tokens });
    await expect(
      reserveBudget(test.db, {
        subject: { repositoryId: 3 },
        model: "m",
        estimate: estimate(0, 101),
        limits: tokens,
      }),
    ).rejects.toMatchObject({ scope: "repository:3", measure: "tokens" });
    const minutes = limitsWith({ "budget.per_language.minutes": 1 });
    await reserveBudget(test.db, { subject, model: "m", estimate: estimate(0, 1, 50_000), limits: minutes });
    await expect(
      reserveBudget(test.db, {
        subject: { language: "PYTHON" },
        model: "m",
        estimate: estimate(0, 1, 20_000),
        limits: minutes,
      }),
    ).rejects.toMatchObject({ scope: "language:python", measure: "minutes" });
  });

  it("never lets concurrent reservations from many connections pass the limit", async () => {
    const limit = 1;
    const limits = limitsWith({ "budget.overall.cost_usd": limit });
    // Separate pools behave like separate worker processes.
    const pools = Array.from({ length: 4 }, () => createDatabase(test.url, { max: 5 }));
    try {
      const results = await Promise.allSettled(
        Array.from({ length: 80 }, (_, n) =>
          reserveBudget(pools[n % pools.length]!, {
            subject: { agentId: `w${n}`, issueId: n },
            model: "m",
            estimate: estimate(0.01 + ((n * 37) % 50) / 1000),
            limits,
          }),
        ),
      );
      const granted = results.filter((result) => result.status === "fulfilled");
      const refused = results.filter((result) => result.status === "rejected");
      expect(refused.length).toBeGreaterThan(0);
      for (const result of refused)
        expect((result as PromiseRejectedResult).reason).toBeInstanceOf(BudgetExceededError);
      const reservedSum = granted.reduce((sum, result) => sum + result.value.estimate.costUsd, 0);
      // Compare in micro-dollars (the ledger's precision): summing JS floats adds 4e-16 noise.
      expect(Math.round(reservedSum * 1e6)).toBeLessThanOrEqual(limit * 1e6);
      const { overall } = await counters();
      expect(overall!.reserved).toBeCloseTo(reservedSum, 9);
      // Settle everything at its worst case: spend equals the reservations and stays within the limit.
      await Promise.all(
        granted.map((result, n) =>
          settleBudget(pools[n % pools.length]!, result.value.entryId, {
            inputTokens: 1,
            outputTokens: 1,
            costUsd: result.value.estimate.costUsd,
            wallMs: 1,
          }),
        ),
      );
      const after = (await counters()).overall!;
      expect(after.reserved).toBe(0);
      expect(after.used).toBeLessThanOrEqual(limit);
      const [sum] = await test.db
        .$client`select sum(cost_usd)::float8 as total from budget_entries where status = 'settled'`;
      expect(sum!.total).toBeCloseTo(after.used, 9);
    } finally {
      await Promise.all(pools.map(closeDatabase));
    }
  });

  it("warns once at 80% and once at 90% of a limit", async () => {
    const limits = limitsWith({ "budget.overall.cost_usd": 1 });
    for (const cost of [0.5, 0.31, 0.05, 0.05, 0.05]) {
      const reservation = await reserveBudget(test.db, {
        subject: {},
        model: "m",
        estimate: estimate(cost),
        limits,
      });
      await settleBudget(
        test.db,
        reservation.entryId,
        { inputTokens: 1, outputTokens: 1, costUsd: cost, wallMs: 1 },
        { limits },
      );
    }
    const warnings = await test.db
      .$client`select subject_id, data from events where action = 'budget.warning' order by id`;
    expect(warnings.map((row) => [row.subject_id, row.data.threshold])).toEqual([
      ["overall", 0.8],
      ["overall", 0.9],
    ]);
  });

  it("charges an abandoned reservation its worst case once it expires", async () => {
    const limits = limitsWith({});
    const reservation = await reserveBudget(test.db, {
      subject,
      model: "m",
      estimate: estimate(0.25, 500, 10),
      limits,
    });
    expect(await expireReservations(test.db)).toBe(0);
    await test.db
      .$client`update budget_entries set expires_at = now() - interval '1 second' where id = ${reservation.entryId}`;
    expect(await expireReservations(test.db)).toBe(1);
    expect((await counters()).overall).toEqual({ used: 0.25, reserved: 0, tokens: 500, calls: 1 });
    const [entry] = await test.db.$client`select status, note from budget_entries`;
    expect(entry!.status).toBe("settled");
    expect(entry!.note).toMatch(/^expired/);
  });

  it("resets all, weekly or one repository; a new week starts from zero; show reports %", async () => {
    await seedIssues(test.db, {
      repositories: [{ fullName: "acme/a" }, { fullName: "acme/b" }],
      perRepository: 1,
    });
    const limits = limitsWith({
      "budget.overall.cost_usd": 10,
      "budget.weekly.cost_usd": 4,
      "budget.per_repo.cost_usd": 2,
    });
    for (const [repositoryId, cost] of [
      [1, 1.5],
      [2, 0.5],
    ] as const) {
      const reservation = await reserveBudget(test.db, {
        subject: { repositoryId },
        model: "m",
        estimate: estimate(cost),
        limits,
      });
      await settleBudget(test.db, reservation.entryId, {
        inputTokens: 10,
        outputTokens: 10,
        costUsd: cost,
        wallMs: 60_000,
      });
    }
    const open = await reserveBudget(test.db, {
      subject: { repositoryId: 1 },
      model: "m",
      estimate: estimate(0.25),
      limits,
    });
    let view = await budgetOverview(test.db, limits);
    expect(view.overall.cost_usd).toEqual({
      used: 2,
      reserved: 0.25,
      limit: 10,
      remaining: 7.75,
      percentUsed: 20,
    });
    expect(view.weekly.cost_usd.percentUsed).toBe(50);
    expect(
      view.topRepositories.map((row) => [row.label, row.cost_usd.used, row.cost_usd.percentUsed]),
    ).toEqual([
      ["acme/a", 1.5, 75],
      ["acme/b", 0.5, 25],
    ]);
    expect(view.overall.minutes).toMatchObject({ used: 2, limit: null, percentUsed: null });
    expect(view.openReservations).toBe(1);

    await resetBudget(test.db, { kind: "repository", repositoryId: 1, label: "acme/a" }, "cli:me");
    view = await budgetOverview(test.db, limits);
    expect(view.topRepositories.find((row) => row.label === "acme/a")!.cost_usd).toMatchObject({
      used: 0,
      reserved: 0.25,
    });
    expect(view.overall.cost_usd.used).toBe(2);

    await test.db
      .$client`update budget_counters set window_start = window_start - interval '8 days' where scope = 'weekly'`;
    expect((await budgetOverview(test.db, limits)).weekly.cost_usd.used).toBe(0);
    await settleBudget(test.db, open.entryId, { inputTokens: 1, outputTokens: 1, costUsd: 0.2, wallMs: 1 });
    view = await budgetOverview(test.db, limits);
    expect(view.weekly.cost_usd).toMatchObject({ used: 0.2, reserved: 0 });

    const all = await resetBudget(test.db, { kind: "all" }, "cli:me");
    expect(all.scopes.length).toBeGreaterThanOrEqual(4);
    view = await budgetOverview(test.db, limits);
    expect(view.overall.cost_usd.used).toBe(0);
    const resets = await test.db.$client`select scope, reset_by from budget_resets order by id`;
    expect(resets.map((row) => row.scope)).toEqual(["repository:1", "all"]);
    const events = await test.db
      .$client`select actor, subject_id from events where action = 'budget.reset' order by id`;
    expect(events.map((row) => row.subject_id)).toEqual(["repository:1", "all"]);
  });

  it("tells a worker whether the overall and weekly budgets leave room for one more call", async () => {
    const limits = limitsWith({ "budget.overall.cost_usd": 1 });
    // Nothing spent yet (no counter rows): the limit still applies.
    expect(await hasGlobalHeadroom(test.db, limits, estimate(1.5))).toBe(false);
    expect(await hasGlobalHeadroom(test.db, limits, estimate(0.5))).toBe(true);
    const reservation = await reserveBudget(test.db, {
      subject: {},
      model: "m",
      estimate: estimate(0.7),
      limits,
    });
    expect(await hasGlobalHeadroom(test.db, limits, estimate(0.5))).toBe(false);
    await settleBudget(test.db, reservation.entryId, {
      inputTokens: 1,
      outputTokens: 1,
      costUsd: 0.4,
      wallMs: 1,
    });
    expect(await hasGlobalHeadroom(test.db, limits, estimate(0.5))).toBe(true);
  });
});
