import { setTimeout as sleep } from "node:timers/promises";
import { z } from "zod";
import { LeaseLostError } from "../../../lib/assign/lease";
import { BaseProcessor, type ProcessorContext } from "../base-processor";

/**
 * The table this test job writes, created by the test in its own database (it is not part of the
 * product's schema). One row per execution: when it started and finished, by which agent, under
 * which lease — enough to check that no two executions of an issue ever overlapped.
 */
export const testExecutionsTableSql = `
  create table if not exists test_executions (
    id bigserial primary key,
    issue_id bigint not null,
    agent_id text not null,
    lease_token uuid not null,
    pid integer not null,
    started_at timestamptz not null,
    finished_at timestamptz
  )`;

const payloadSchema = z.object({
  issueId: z.number().int().positive(),
  leaseToken: z.uuid(),
  agentId: z.string().min(1),
});
type Payload = z.infer<typeof payloadSchema>;

function range(text: string | undefined, fallback: [number, number]): [number, number] {
  const match = /^(\d+)-(\d+)$/.exec(text ?? "");
  return match ? [Number(match[1]), Number(match[2])] : fallback;
}

/**
 * Stand-in for the fix engine in tests: takes a random time (GLOBALLM_TEST_JOB_MS, "min-max",
 * default 5-50 ms), fails at random when GLOBALLM_TEST_JOB_FAIL_RATE is set, and records its start
 * and end. Both writes are fenced by the lease (the issue row is share-locked while the token is
 * checked), exactly as a real side effect must be.
 */
export class RecordExecutionProcessor extends BaseProcessor<Payload> {
  readonly name = "record-execution";
  protected readonly payloadSchema = payloadSchema;

  protected async process({ db, payload, signal, env, issue }: ProcessorContext<Payload>) {
    const sql = db.$client;
    const [started] = await sql`
      insert into test_executions (issue_id, agent_id, lease_token, pid, started_at)
      select id, ${payload.agentId}, lease_token, ${process.pid}, clock_timestamp() from issues
      where id = ${payload.issueId} and lease_token = ${payload.leaseToken} and assignment_status = 'assigned'
      for share
      returning id`;
    if (!started) throw new LeaseLostError(issue);
    const [min, max] = range(env.GLOBALLM_TEST_JOB_MS, [5, 50]);
    await sleep(min + Math.random() * (max - min), undefined, { signal });
    if (Math.random() < Number(env.GLOBALLM_TEST_JOB_FAIL_RATE ?? 0)) throw new Error("scripted job failure");
    const [finished] = await sql`
      with held as (
        select 1 from issues
        where id = ${payload.issueId} and lease_token = ${payload.leaseToken} and assignment_status = 'assigned'
        for share
      )
      update test_executions set finished_at = clock_timestamp()
      from held where test_executions.id = ${started.id}
      returning test_executions.id`;
    if (!finished) throw new LeaseLostError(issue);
    return { executionId: Number(started.id) };
  }
}
