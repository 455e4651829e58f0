import { describe, expect, it } from "vitest";
import { availableServers, freshDatabase } from "../test/databases";
import { runChaos } from "./testing/chaos-run";

const workers = 50;
const issues = 5000;

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
        deadlineMs: 150_000,
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
  }, 240_000);
});
