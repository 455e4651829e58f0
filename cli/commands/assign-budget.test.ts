import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { claimNextIssue } from "../../lib/assign/claim-next-issue";
import { budgetLimits } from "../../lib/budget/limits";
import { reserveBudget } from "../../lib/budget/reserve";
import { settleBudget } from "../../lib/budget/settle";
import { type CliResult, runCli } from "../../test/cli";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import { seedIssues } from "../../test/issue-fixtures";

function oneLine(result: CliResult): string {
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return lines[0]!;
}

describe.each(availableServers())("assign and budget commands on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  let env: Record<string, string>;
  const snapshot = async () => ({
    issues: await test.db
      .$client`select id, assignment_status, assigned_to, lease_token from issues order by id`,
    events: Number((await test.db.$client`select count(*) from events`)[0]!.count),
    counters: await test.db.$client`select * from budget_counters order by scope`,
    settings: await test.db.$client`select * from settings order by key`,
  });

  beforeAll(async () => {
    test = await freshDatabase(kind);
    const home = mkdtempSync(join(tmpdir(), "globallm-assign-cli-"));
    env = {
      PATH: process.env.PATH ?? "",
      HOME: home,
      XDG_CONFIG_HOME: join(home, "config"),
      XDG_DATA_HOME: join(home, "data"),
      GLOBALLM_DATABASE_URL: test.url,
    };
    await seedIssues(test.db, {
      repositories: [{ fullName: "acme/widgets", language: "Go" }],
      perRepository: 5,
    });
    await test.db
      .$client`insert into agents (id, hostname, pid) values ('worker-a', 'h', 1), ('worker-b', 'h', 2)`;
    await claimNextIssue(test.db, { agentId: "worker-a", leaseSeconds: 3600 });
    await claimNextIssue(test.db, { agentId: "worker-a", leaseSeconds: 3600 });
    await claimNextIssue(test.db, { agentId: "worker-b", leaseSeconds: 3600 });
    await test.db
      .$client`update issues set last_heartbeat_at = now() - interval '40 minutes' where assigned_to = 'worker-b'`;
  });
  afterAll(() => test?.drop());

  it("assign status shows totals, agents and heartbeat ages, filtered by agent and staleness", async () => {
    const all = await runCli(["assign", "status", "--json"], env);
    expect(all.code).toBe(0);
    const view = JSON.parse(all.stdout);
    expect(view.totals).toEqual({ available: 2, assigned: 3, completed: 0, failed: 0 });
    expect(
      view.agents.map((agent: { agentId: string; assigned: number }) => [agent.agentId, agent.assigned]),
    ).toEqual([
      ["worker-a", 2],
      ["worker-b", 1],
    ]);
    const stale = JSON.parse((await runCli(["assign", "status", "--stale", "--json"], env)).stdout);
    expect(stale.assignments.map((row: { agentId: string }) => row.agentId)).toEqual(["worker-b"]);
    const text = await runCli(["assign", "status", "--agent-id", "worker-a"], env);
    expect(text.code).toBe(0);
    expect(text.stdout).toMatch(/available\s+assigned/);
    expect(text.stdout).toContain("acme/widgets#");
  });

  it("refuses bad input with exit 2 and one line, changing nothing", async () => {
    const before = await snapshot();
    for (const args of [
      ["assign", "cleanup", "--timeout-minutes", "abc"],
      ["assign", "cleanup", "--timeout-minutes", "-5"],
      ["assign", "cleanup", "--timeout-minutes", "0"],
      ["assign", "release", "no-such-agent"],
      ["assign", "status", "--agent-id", "no-such-agent"],
      ["config", "set", "budget.overall.cost_usd", "-1"],
      ["config", "set", "budget.per_repo.tokens", "lots"],
      ["budget", "show", "--top", "-3"],
      ["budget", "reset", "--repo", "not a repo"],
      ["budget", "reset", "--repo", "nobody/nothing"],
      ["budget", "reset", "--repo", "acme/widgets", "--weekly"],
    ]) {
      const result = await runCli(args, env);
      expect({ args, code: result.code }).toEqual({ args, code: 2 });
      expect(oneLine(result)).toMatch(/^error: /);
      expect(result.stdout).toBe("");
    }
    expect(await snapshot()).toEqual(before);
  });

  it("assign cleanup releases assignments without a heartbeat for N minutes; release frees an agent", async () => {
    const cleanup = await runCli(["assign", "cleanup", "--timeout-minutes", "30", "--json"], env);
    expect(cleanup.code).toBe(0);
    expect(JSON.parse(cleanup.stdout)).toMatchObject({
      timeoutMinutes: 30,
      released: [{ agentId: "worker-b", status: "available" }],
    });
    const release = await runCli(["assign", "release", "worker-a"], env);
    expect(release.code).toBe(0);
    expect(release.stdout.trim()).toBe("Released 2 issue(s) held by worker-a.");
    const [counts] = await test.db
      .$client`select count(*) filter (where assignment_status = 'available')::int as available from issues`;
    expect(counts!.available).toBe(5);
    const actors = await test.db.$client`select distinct actor from events where action = 'issue.released'`;
    expect(actors.map((row) => String(row.actor))).toEqual([expect.stringMatching(/^cli:/)]);
  });

  it("budget show reports used, reserved, remaining and %; reset clears a repository or everything", async () => {
    expect((await runCli(["config", "set", "budget.overall.cost_usd", "2"], env)).code).toBe(0);
    expect((await runCli(["config", "set", "budget.per_repo.cost_usd", "1"], env)).code).toBe(0);
    const limits = budgetLimits({ "budget.overall.cost_usd": 2, "budget.per_repo.cost_usd": 1 });
    const [repo] = await test.db.$client`select id from repositories`;
    const subject = { repositoryId: Number(repo!.id), language: "go" };
    const spent = await reserveBudget(test.db, {
      subject,
      model: "m",
      limits,
      estimate: { costUsd: 0.5, tokens: 100, ms: 1 },
    });
    await settleBudget(test.db, spent.entryId, {
      inputTokens: 60,
      outputTokens: 20,
      costUsd: 0.4,
      wallMs: 90_000,
    });
    await reserveBudget(test.db, {
      subject,
      model: "m",
      limits,
      estimate: { costUsd: 0.1, tokens: 10, ms: 1 },
    });

    const shown = await runCli(["budget", "show", "--json"], env);
    expect(shown.code).toBe(0);
    const view = JSON.parse(shown.stdout);
    expect(view.overall.cost_usd).toEqual({
      used: 0.4,
      reserved: 0.1,
      limit: 2,
      remaining: 1.5,
      percentUsed: 20,
    });
    expect(view.topRepositories[0]).toMatchObject({ label: "acme/widgets", cost_usd: { percentUsed: 40 } });
    expect(view.overall.minutes.used).toBe(1.5);
    const text = await runCli(["budget", "show"], env);
    expect(text.stdout).toMatch(/overall\s+\$0\.4000 \/ \$2\.00 \(20%\)/);
    expect(text.stdout).toContain("repo acme/widgets");

    const repoReset = await runCli(["budget", "reset", "--repo", "acme/widgets", "--json"], env);
    expect(repoReset.code).toBe(0);
    expect(JSON.parse(repoReset.stdout)).toMatchObject({ reset: "acme/widgets", clearedCostUsd: 0.4 });
    const all = await runCli(["budget", "reset"], env);
    expect(all.stdout).toMatch(/^Reset all budgets/);
    const after = JSON.parse((await runCli(["budget", "show", "--json"], env)).stdout);
    expect(after.overall.cost_usd).toMatchObject({ used: 0, reserved: 0.1 });
  });
});
