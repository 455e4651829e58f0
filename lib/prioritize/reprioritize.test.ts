import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { seedIssues } from "../../test/issue-fixtures";
import { claimNextIssue } from "../assign/claim-next-issue";
import { releaseIssue } from "../assign/release";
import { issues, repositories } from "../db/schema";
import { listIssueQueue } from "../issues/issue-queue";
import { setIssuePinned } from "../issues/triage";
import { computeIssueFeatures } from "./compute-features";
import { RANKS_LOCK, reprioritize } from "./reprioritize";
import { topPriorities, topPrioritiesStatement } from "./top-priorities";

const weights = { health: 0.15, impact: 0.3, solvability: 0.2, urgency: 0.25, uniqueness: 0.1 };

describe("prioritization in the database", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
    const [approved, rejected, rust] = await target.db
      .insert(repositories)
      .values([
        {
          fullName: "good/lib",
          language: "python",
          healthScore: 0.8,
          impactScore: 0.9,
          worthWorkingOn: true,
        },
        {
          fullName: "weak/lib",
          language: "python",
          healthScore: 0.3,
          impactScore: 0.2,
          worthWorkingOn: false,
        },
        { fullName: "rusty/lib", language: "rust", healthScore: 0.8, impactScore: 0.9, worthWorkingOn: true },
      ])
      .returning();
    const body = "Steps to reproduce:\n```\nrun()\n```";
    await target.db.insert(issues).values([
      {
        repositoryId: approved!.id,
        number: 1,
        title: "Security: path traversal in upload",
        body,
        labels: ["bug"],
      },
      {
        repositoryId: approved!.id,
        number: 2,
        title: "Fix typo in docs",
        body: "teh → the in the README file please",
        labels: [],
      },
      {
        repositoryId: approved!.id,
        number: 3,
        title: "Add a dark mode",
        body: "It would be nice to have a dark mode.",
        labels: ["enhancement"],
      },
      { repositoryId: approved!.id, number: 4, title: "Crash on start", body, labels: [], hasLinkedPr: true },
      { repositoryId: approved!.id, number: 5, title: "Crash on exit", body, labels: [], state: "closed" },
      { repositoryId: rejected!.id, number: 1, title: "Crash everywhere", body, labels: [] },
      { repositoryId: rust!.id, number: 1, title: "Panic on empty input", body, labels: ["bug"] },
    ]);
    await computeIssueFeatures(target.db);
  });
  afterAll(() => target.drop());

  it("ranks only open, untaken issues of approved repositories in the focus languages", async () => {
    const result = await reprioritize(target.db, { weights, demoteLowValue: true, languages: ["python"] });
    expect(result).toMatchObject({ ranked: 3, unranked: 4 });
    const rows = [
      ...(await listIssueQueue(target.db, { view: "unranked" })).rows,
      ...(await listIssueQueue(target.db, { view: "closed" })).rows,
    ];
    const reason = (title: string) => rows.find((row) => row.title === title)?.priorityReason;
    expect(reason("Crash on start")).toMatch(/pull request already fixes it/);
    expect(reason("Crash on exit")).toMatch(/closed/);
    expect(reason("Crash everywhere")).toMatch(/not approved/);
    expect(reason("Panic on empty input")).toMatch(/outside the focus languages/);
  });

  it("puts security first and style-only work last, each with its breakdown and reason", async () => {
    const top = await topPriorities(target.db, { top: 10 });
    expect(top.map((row) => row.title)).toEqual([
      "Security: path traversal in upload",
      "Add a dark mode",
      "Fix typo in docs",
    ]);
    expect(top[0]!.reason).toMatch(/Urgent \(a security problem/);
    expect(top[2]!.reason).toMatch(/Ranked low: lint, formatting, typo or style-only/);
    for (const row of top) {
      const factors = ["health", "impact", "solvability", "urgency", "uniqueness"].map(
        (name) => row.breakdown?.[name] as { weight: number },
      );
      expect(factors.reduce((sum, factor) => sum + factor.weight, 0)).toBeCloseTo(1, 5);
    }
    expect(await topPriorities(target.db, { top: 10, minPriority: top[1]!.priority })).toHaveLength(2);
  });

  it("applies new weights on the next run and leaves style issues alone when told to", async () => {
    await reprioritize(target.db, {
      weights: { ...weights, urgency: 0, solvability: 1 },
      demoteLowValue: false,
      languages: ["python"],
    });
    const top = await topPriorities(target.db, { top: 10 });
    expect(top[2]!.reason).not.toMatch(/Ranked low/);
    const again = await reprioritize(target.db, {
      weights: { ...weights, urgency: 0, solvability: 1 },
      demoteLowValue: false,
      languages: ["python"],
    });
    expect(again).toEqual({ ranked: 3, unranked: 4 });
    expect((await topPriorities(target.db, { top: 10 })).map((row) => row.priority)).toEqual(
      top.map((row) => row.priority),
    );
  });

  it("swaps in a ranking with the migrated table's columns, indexes and keys", async () => {
    const shape = async (sql: typeof target.db.$client) => ({
      columns: await sql`
        select column_name, data_type, is_nullable, column_default from information_schema.columns
        where table_name = 'issue_ranks' order by ordinal_position`,
      indexes:
        await sql`select indexname, indexdef from pg_indexes where tablename = 'issue_ranks' order by indexname`,
      keys: await sql`
        select conname, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid = 'issue_ranks'::regclass order by conname`,
    });
    // A fresh database's table, as the migrations made it; then ours after a full run.
    const migrated = await freshDatabase("embedded");
    try {
      const expected = await shape(migrated.db.$client);
      expect(expected.indexes.map((index) => index.indexname)).toEqual([
        "issue_ranks_claim_idx",
        "issue_ranks_pkey",
        "issue_ranks_priority_idx",
      ]);
      await reprioritize(target.db, { weights, demoteLowValue: true, languages: ["python"] });
      expect(await shape(target.db.$client)).toEqual(expected);
    } finally {
      await migrated.drop();
    }
  });

  it("re-ranks only the issues named, and keeps a pin made while a full run is under way", async () => {
    const sql = target.db.$client;
    await reprioritize(target.db, { weights, demoteLowValue: true, languages: ["python"] });
    const [dark] = await target.db.select().from(issues).where(eq(issues.title, "Add a dark mode"));
    const [typo] = await target.db.select().from(issues).where(eq(issues.title, "Fix typo in docs"));
    const before = await sql`select issue_id, priority, run_id from issue_ranks order by issue_id`;
    const partial = await reprioritize(target.db, {
      weights: { ...weights, solvability: 5 },
      demoteLowValue: true,
      languages: ["python"],
      issueIds: [dark!.id],
    });
    expect(partial).toEqual({ ranked: 1, unranked: 0 });
    const after = await sql`select issue_id, priority, run_id from issue_ranks order by issue_id`;
    const changed = after.filter((row, index) => row.priority !== before[index]!.priority);
    expect(changed.map((row) => Number(row.issue_id))).toEqual([dark!.id]);

    // A full run holds the ranking's lock until it commits; a pin waits for it and lands after.
    let release!: () => void;
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    const running = sql.begin(async (tx) => {
      await tx`select pg_advisory_xact_lock(${RANKS_LOCK})`;
      await held;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    const pin = setIssuePinned(target.db, typo!.id, true, "user:test");
    await new Promise((resolve) => setTimeout(resolve, 200));
    const [waiting] = await sql`select pinned from issues where id = ${typo!.id}`;
    expect(waiting!.pinned).toBe(false);
    release();
    await running;
    await pin;
    const [rank] = await sql`select pinned from issue_ranks where issue_id = ${typo!.id}`;
    expect(rank!.pinned).toBe(true);
    await reprioritize(target.db, { weights, demoteLowValue: true, languages: ["python"] });
    const [rebuilt] = await sql`select pinned from issue_ranks where issue_id = ${typo!.id}`;
    expect(rebuilt!.pinned).toBe(true);
  });

  it("reads the top N from issue_ranks_priority_idx, without sorting the ranking (EXPLAIN)", async () => {
    const sql = target.db.$client;
    await seedIssues(target.db, {
      repositories: [{ fullName: "big/ranked", language: "Python" }],
      perRepository: 20_000,
    });
    await sql`analyze`;
    for (const options of [{ top: 50 }, { top: 50, minPriority: 0.5 }, { top: 50, language: "python" }]) {
      const plan = await sql`explain (format text) ${topPrioritiesStatement(sql, options)}`;
      const text = plan.map((row) => String(row["QUERY PLAN"])).join("\n");
      expect(text, JSON.stringify(options)).toMatch(
        /Index Scan using issue_ranks_priority_idx on issue_ranks/,
      );
      expect(text, JSON.stringify(options)).not.toMatch(/Sort|Seq Scan on issue_ranks|Seq Scan on issues/);
    }
  });

  it("keeps claims and pages working while full runs swap the ranking in", async () => {
    let running = true;
    const errors: unknown[] = [];
    let claims = 0;
    let pages = 0;
    const claimer = (async () => {
      while (running) {
        try {
          const claim = await claimNextIssue(target.db, { agentId: "spinner", leaseSeconds: 60 });
          if (claim) {
            claims++;
            await releaseIssue(target.db, claim.issueId, "user:test");
          }
        } catch (error) {
          errors.push(error);
        }
      }
    })();
    const reader = (async () => {
      while (running) {
        try {
          if ((await listIssueQueue(target.db, {})).rows.length > 0) pages++;
        } catch (error) {
          errors.push(error);
        }
      }
    })();
    for (let run = 0; run < 6; run++) {
      await reprioritize(target.db, { weights, demoteLowValue: true, languages: ["python"] });
    }
    running = false;
    await Promise.all([claimer, reader]);
    expect(errors).toEqual([]);
    expect(claims).toBeGreaterThan(0);
    expect(pages).toBeGreaterThan(0);
  });
});
