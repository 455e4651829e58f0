import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import { seedIssues } from "../../test/issue-fixtures";
import { isAppError } from "../errors";
import { assignmentOverview } from "./assignment-status";
import { claimNextIssue, claimStatement } from "./claim-next-issue";
import { completeIssue, failIssue } from "./finish-issue";
import { assertLeaseHeld, isLeaseLost, renewLease } from "./lease";
import {
  releaseAgentAssignments,
  releaseIssue,
  releaseLease,
  releaseStaleAssignments,
  retryIssue,
} from "./release";

const backoff = { baseSeconds: 60, maxSeconds: 3600 };

describe.each(availableServers())("assignment on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  beforeAll(async () => {
    test = await freshDatabase(kind);
  });
  afterAll(async () => {
    await test?.drop();
  });
  beforeEach(async () => {
    await test.db.$client`truncate issues, repositories, agents, events restart identity cascade`;
  });

  const sql = () => test.db.$client;
  const events = async (issueId: number) =>
    (
      await sql()`select action, actor, data from events where subject_type = 'issue' and subject_id = ${String(issueId)} order by id`
    ).map((row) => ({
      action: row.action as string,
      actor: row.actor as string,
      data: row.data as Record<string, unknown>,
    }));

  it("claims pinned first, then by priority, then id; never unranked, skipped, closed, taken or backing-off issues", async () => {
    const ids = await seedIssues(test.db, {
      perRepository: 9,
      priority: (n) => [0.5, 0.9, null, 0.9, 0.1, 0.95, 0.3, 0.99, 0.98][n]!,
    });
    // ids[5] (0.95) is skipped, ids[1] is closed, ids[4] (0.1) is pinned, ids[3] waits out a backoff,
    // ids[2] is unranked (null priority), ids[7] has a linked pull request, ids[8] a human assignee.
    await sql()`update issues set skipped = true where id = ${ids[5]!}`;
    await sql()`update issues set state = 'closed' where id = ${ids[1]!}`;
    await sql()`update issues set pinned = true where id = ${ids[4]!}`;
    await sql()`update issue_ranks set pinned = true where issue_id = ${ids[4]!}`;
    await sql()`update issues set available_after = now() + interval '1 hour' where id = ${ids[3]!}`;
    await sql()`update issues set has_linked_pr = true where id = ${ids[7]!}`;
    await sql()`update issues set has_human_assignee = true where id = ${ids[8]!}`;
    const order: number[] = [];
    for (;;) {
      const claim = await claimNextIssue(test.db, { agentId: "a", leaseSeconds: 60 });
      if (!claim) break;
      order.push(claim.issueId);
    }
    expect(order).toEqual([ids[4], ids[0], ids[6]]);
  });

  it("gives each claim a fresh lease token, counts the attempt and records issue.claimed in the same statement", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    const claim = (await claimNextIssue(test.db, { agentId: "agent-1", leaseSeconds: 120 }))!;
    expect(claim).toMatchObject({
      issueId: id,
      agentId: "agent-1",
      attempt: 1,
      repositoryFullName: "acme/widgets",
    });
    expect(claim.leaseToken).toMatch(/^[0-9a-f-]{36}$/);
    const [row] = await sql()`select * from issues where id = ${id!}`;
    expect(row).toMatchObject({ assignment_status: "assigned", assigned_to: "agent-1", attempts: 1 });
    expect(row!.lease_token).toBe(claim.leaseToken);
    const expiresIn = (new Date(row!.lease_expires_at as string).getTime() - Date.now()) / 1000;
    expect(expiresIn).toBeGreaterThan(100);
    expect(expiresIn).toBeLessThanOrEqual(121);
    expect(await events(id!)).toEqual([
      {
        action: "issue.claimed",
        actor: "agent:agent-1",
        data: expect.objectContaining({ agentId: "agent-1", leaseToken: claim.leaseToken, attempt: 1 }),
      },
    ]);
  });

  it("applies filters: issue id, repositories, languages, minimum priority", async () => {
    const ids = await seedIssues(test.db, {
      repositories: [
        { fullName: "a/py", language: "Python" },
        { fullName: "b/rs", language: "Rust" },
      ],
      perRepository: 2,
      priority: (n) => [0.2, 0.4, 0.6, 0.8][n]!,
    });
    const claim = (filters: object) => claimNextIssue(test.db, { agentId: "f", leaseSeconds: 60, filters });
    expect((await claim({ languages: ["python"] }))?.issueId).toBe(ids[1]);
    expect((await claim({ issueId: ids[0] }))?.issueId).toBe(ids[0]);
    expect(await claim({ issueId: ids[0] })).toBeNull();
    expect(await claim({ minPriority: 0.9 })).toBeNull();
    const [rust] = await sql()`select id from repositories where full_name = 'b/rs'`;
    expect((await claim({ repositoryIds: [Number(rust!.id)], minPriority: 0.7 }))?.issueId).toBe(ids[3]);
  });

  it("never hands one issue to two concurrent claimers", async () => {
    await seedIssues(test.db, { perRepository: 30 });
    const claims = await Promise.all(
      Array.from({ length: 40 }, (_, n) => claimNextIssue(test.db, { agentId: `c${n}`, leaseSeconds: 60 })),
    );
    const got = claims.filter((claim) => claim !== null).map((claim) => claim.issueId);
    expect(got).toHaveLength(30);
    expect(new Set(got).size).toBe(30);
  });

  it("walks issue_ranks_claim_idx and looks each candidate up by key, with or without statistics (EXPLAIN)", async () => {
    await seedIssues(test.db, { perRepository: 5000 });
    await sql()`update issues set assignment_status = 'assigned' where id % 3 = 0`;
    for (const statistics of ["as seeded", "analyzed"]) {
      if (statistics === "analyzed") await sql()`analyze issues, issue_ranks`;
      // EXPLAIN (not ANALYZE: nothing is claimed) of exactly the statement claimNextIssue sends.
      for (const filters of [{}, { minPriority: 0.5 }, { languages: ["typescript"] }]) {
        const plan =
          await sql()`explain (format text) ${claimStatement(sql(), { agentId: "x", leaseSeconds: 60, filters })}`;
        const text = plan.map((row) => String(row["QUERY PLAN"])).join("\n");
        const where = `${statistics} ${JSON.stringify(filters)}`;
        expect(text, where).toMatch(/Index (Only )?Scan using issue_ranks_claim_idx on issue_ranks/);
        expect(text, where).toMatch(/Index Scan using issues_pkey on issues/);
        expect(text, where).toMatch(/LockRows/);
        // The candidate is read in index order: no sort of the pool and no scan of either table.
        expect(text, where).not.toMatch(/Sort|Seq Scan on issue|Hash/);
      }
    }
  });

  it("renews a lease only for the current token, and a lost lease stops every later write", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    const claim = (await claimNextIssue(test.db, { agentId: "h", leaseSeconds: 5 }))!;
    const renewed = await renewLease(test.db, claim, 600);
    expect(renewed!.getTime() - Date.now()).toBeGreaterThan(590_000);
    await assertLeaseHeld(test.db, claim);
    expect(await renewLease(test.db, { ...claim, leaseToken: crypto.randomUUID() }, 600)).toBeNull();

    await releaseIssue(test.db, id!, "user:admin");
    expect(await renewLease(test.db, claim, 600)).toBeNull();
    await expect(assertLeaseHeld(test.db, claim)).rejects.toSatisfy(isLeaseLost);
    await expect(completeIssue(test.db, claim)).rejects.toSatisfy(isLeaseLost);
    await expect(
      failIssue(test.db, claim, { error: "x", retryable: true, maxAttempts: 3 }),
    ).rejects.toSatisfy(isLeaseLost);
    const [row] = await sql()`select assignment_status, assigned_to from issues where id = ${id!}`;
    expect(row).toMatchObject({ assignment_status: "available", assigned_to: null });
  });

  it("accepts completion only from the holder; a stale token after a re-claim is refused", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    const first = (await claimNextIssue(test.db, { agentId: "one", leaseSeconds: 0.2 }))!;
    await new Promise((resolve) => setTimeout(resolve, 300));
    const released = await releaseStaleAssignments(test.db, { maxAttempts: 3 });
    expect(released).toEqual([
      { issueId: id, agentId: "one", leaseToken: first.leaseToken, status: "available" },
    ]);
    const second = (await claimNextIssue(test.db, { agentId: "two", leaseSeconds: 60 }))!;
    expect(second.attempt).toBe(2);
    await expect(completeIssue(test.db, first)).rejects.toSatisfy(isLeaseLost);
    await completeIssue(test.db, second, { ok: true });
    const history = await events(id!);
    expect(history.map((event) => event.action)).toEqual([
      "issue.claimed",
      "issue.released",
      "issue.claimed",
      "issue.completed",
    ]);
    expect(history[1]!.data).toMatchObject({ reason: "lease_expired", leaseToken: first.leaseToken });
    expect(history[3]!.data).toMatchObject({
      agentId: "two",
      leaseToken: second.leaseToken,
      result: { ok: true },
    });
  });

  it("backs off failed issues exponentially until max attempts, then keeps them failed", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    const waits: number[] = [];
    for (let attempt = 1; attempt <= 3; attempt++) {
      await sql()`update issues set available_after = null where id = ${id!}`;
      const claim = (await claimNextIssue(test.db, { agentId: "f", leaseSeconds: 60 }))!;
      expect(claim.attempt).toBe(attempt);
      const outcome = await failIssue(test.db, claim, {
        error: `boom ${attempt}`,
        retryable: true,
        maxAttempts: 3,
        backoff,
      });
      if (attempt < 3) {
        expect(outcome.status).toBe("available");
        waits.push(Math.round((outcome.availableAfter!.getTime() - Date.now()) / 1000));
        expect(await claimNextIssue(test.db, { agentId: "f", leaseSeconds: 60 })).toBeNull();
      } else {
        expect(outcome).toEqual({ status: "failed", availableAfter: null });
      }
    }
    expect(waits[0]).toBeGreaterThanOrEqual(59);
    expect(waits[0]).toBeLessThanOrEqual(60);
    expect(waits[1]).toBeGreaterThanOrEqual(119);
    expect(waits[1]).toBeLessThanOrEqual(120);
    const [row] = await sql()`select assignment_status, last_error, attempts from issues where id = ${id!}`;
    expect(row).toMatchObject({ assignment_status: "failed", last_error: "boom 3", attempts: 3 });
    expect((await events(id!)).filter((event) => event.action === "issue.failed")).toHaveLength(3);

    await retryIssue(test.db, id!, "user:admin");
    const again = (await claimNextIssue(test.db, { agentId: "f", leaseSeconds: 60 }))!;
    expect(again.attempt).toBe(1);
  });

  it("fails a non-retryable error at once", async () => {
    const [id] = await seedIssues(test.db, { perRepository: 1 });
    const claim = (await claimNextIssue(test.db, { agentId: "n", leaseSeconds: 60 }))!;
    const outcome = await failIssue(test.db, claim, {
      error: "bad payload",
      retryable: false,
      maxAttempts: 3,
    });
    expect(outcome.status).toBe("failed");
    const [row] = await sql()`select assignment_status, assigned_to from issues where id = ${id!}`;
    expect(row).toMatchObject({ assignment_status: "failed", assigned_to: "n" });
  });

  it("releases stale assignments by heartbeat age, and fails those out of attempts", async () => {
    const [a, b, c] = await seedIssues(test.db, { perRepository: 3, priority: (n) => 1 - n / 10 });
    await claimNextIssue(test.db, { agentId: "old", leaseSeconds: 3600 });
    await claimNextIssue(test.db, { agentId: "tired", leaseSeconds: 3600 });
    await claimNextIssue(test.db, { agentId: "fresh", leaseSeconds: 3600 });
    await sql()`update issues set last_heartbeat_at = now() - interval '10 minutes' where id in (${a!}, ${b!})`;
    await sql()`update issues set attempts = 3 where id = ${b!}`;
    const released = await releaseStaleAssignments(test.db, {
      maxAttempts: 3,
      olderThanMinutes: 5,
      actor: "cli:x",
    });
    expect(
      released.map(({ issueId, status }) => ({ issueId, status })).sort((x, y) => x.issueId - y.issueId),
    ).toEqual([
      { issueId: a, status: "available" },
      { issueId: b, status: "failed" },
    ]);
    const [fresh] = await sql()`select assignment_status from issues where id = ${c!}`;
    expect(fresh!.assignment_status).toBe("assigned");
    expect((await events(a!)).at(-1)).toMatchObject({
      action: "issue.released",
      actor: "cli:x",
      data: { reason: "no_heartbeat" },
    });
    expect((await events(b!)).at(-1)).toMatchObject({ action: "issue.failed", data: { status: "failed" } });
  });

  it("releases an agent's issues, refuses unknown agents, and refunds the attempt of a holder giving back", async () => {
    const [a, b] = await seedIssues(test.db, { perRepository: 2 });
    const first = (await claimNextIssue(test.db, { agentId: "w1", leaseSeconds: 60 }))!;
    await claimNextIssue(test.db, { agentId: "w1", leaseSeconds: 60 });
    await expect(releaseAgentAssignments(test.db, "nobody", "cli:x")).rejects.toSatisfy(
      (error) => isAppError(error) && error.exitCode === 2 && error.code === "not_found:assignment",
    );
    const released = await releaseAgentAssignments(test.db, "w1", "cli:x");
    expect(released.map((entry) => entry.issueId).sort()).toEqual([a, b].sort());
    await expect(completeIssue(test.db, first)).rejects.toSatisfy(isLeaseLost);

    const again = (await claimNextIssue(test.db, { agentId: "w2", leaseSeconds: 60 }))!;
    expect(again.attempt).toBe(2);
    await releaseLease(test.db, again, { reason: "shutdown" });
    const [row] = await sql()`select attempts, assignment_status from issues where id = ${again.issueId}`;
    expect(row).toMatchObject({ attempts: 1, assignment_status: "available" });
  });

  it("summarises totals, agents and stale assignments", async () => {
    await seedIssues(test.db, { perRepository: 4 });
    await sql()`insert into agents (id, hostname, pid) values ('w1', 'h', 1), ('idle', 'h', 2)`;
    const c1 = (await claimNextIssue(test.db, { agentId: "w1", leaseSeconds: 60 }))!;
    await claimNextIssue(test.db, { agentId: "w1", leaseSeconds: 60 });
    await completeIssue(test.db, c1);
    await sql()`update issues set last_heartbeat_at = now() - interval '45 minutes' where assignment_status = 'assigned'`;
    const overview = await assignmentOverview(test.db, { staleAfterMinutes: 30 });
    expect(overview.totals).toEqual({ available: 2, assigned: 1, completed: 1, failed: 0 });
    expect(overview.claimableNow).toBe(2);
    const w1 = overview.agents.find((agent) => agent.agentId === "w1")!;
    expect(w1).toMatchObject({ assigned: 1, completed: 1, failed: 0 });
    expect(w1.oldestHeartbeatAgeSeconds).toBeGreaterThan(2690);
    expect(overview.agents.map((agent) => agent.agentId)).toContain("idle");
    const stale = await assignmentOverview(test.db, {
      staleAfterMinutes: 30,
      staleOnly: true,
      agentId: "w1",
    });
    expect(stale.assignments).toHaveLength(1);
    expect(stale.assignments[0]!.stale).toBe(true);
    expect(
      (await assignmentOverview(test.db, { staleAfterMinutes: 60, staleOnly: true })).assignments,
    ).toHaveLength(0);
    await expect(assignmentOverview(test.db, { staleAfterMinutes: 30, agentId: "ghost" })).rejects.toThrow(
      /No agent/,
    );
  });
});
