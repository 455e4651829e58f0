import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { agents, events } from "../db/schema";

export interface AgentIdentity {
  id: string;
  hostname: string;
  pid: number;
  version?: string;
}

/** Records that an agent (a worker process) is running; a restarted agent id is simply revived. */
export async function registerAgent(db: Database, agent: AgentIdentity): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .insert(agents)
      .values({ ...agent, status: "running" })
      .onConflictDoUpdate({
        target: agents.id,
        set: {
          hostname: agent.hostname,
          pid: agent.pid,
          version: agent.version,
          status: "running",
          startedAt: sql`now()`,
          lastSeenAt: sql`now()`,
          stoppedAt: null,
        },
      });
    await tx.insert(events).values({
      actor: `agent:${agent.id}`,
      action: "agent.started",
      subjectType: "agent",
      subjectId: agent.id,
      data: { hostname: agent.hostname, pid: agent.pid },
    });
  });
}

export async function touchAgent(db: Database, id: string): Promise<void> {
  await db.update(agents).set({ lastSeenAt: sql`now()` }).where(eq(agents.id, id));
}

export async function markAgentStopped(db: Database, id: string, reason: string): Promise<void> {
  await db.transaction(async (tx) => {
    await tx
      .update(agents)
      .set({ status: "stopped", stoppedAt: sql`now()`, currentIssueId: null })
      .where(eq(agents.id, id));
    await tx.insert(events).values({
      actor: `agent:${id}`,
      action: "agent.stopped",
      subjectType: "agent",
      subjectId: id,
      data: { reason },
    });
  });
}
