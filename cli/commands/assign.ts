import { Command, InvalidArgumentError } from "commander";
import { assignmentSettings } from "../../lib/assign/assignment-settings";
import { type AssignmentOverview, assignmentOverview } from "../../lib/assign/assignment-status";
import { releaseAgentAssignments, releaseStaleAssignments } from "../../lib/assign/release";
import type { CliContext } from "../context";
import { formatTable } from "../output";

/** A positive number of minutes (decimals allowed); anything else is a usage error (exit 2). */
function positiveMinutes(value: string): number {
  const number = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value.trim()) || !Number.isFinite(number) || number <= 0) {
    throw new InvalidArgumentError("Expected a positive number of minutes.");
  }
  return number;
}

function age(seconds: number | null): string {
  if (seconds === null) return "—";
  if (seconds < 90) return `${Math.round(seconds)}s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)}m`;
  return `${(seconds / 3600).toFixed(1)}h`;
}

function overviewText(view: AssignmentOverview): string {
  const totals = formatTable(
    ["available", "assigned", "completed", "failed", "claimable now"],
    [
      [
        view.totals.available,
        view.totals.assigned,
        view.totals.completed,
        view.totals.failed,
        view.claimableNow,
      ],
    ],
  );
  const agents = view.agents.length
    ? formatTable(
        ["agent", "status", "assigned", "completed", "failed", "oldest heartbeat"],
        view.agents.map((agent) => [
          agent.agentId,
          agent.status ?? "unregistered",
          agent.assigned,
          agent.completed,
          agent.failed,
          age(agent.oldestHeartbeatAgeSeconds),
        ]),
      )
    : "No agents.";
  const assignments = view.assignments.length
    ? formatTable(
        ["issue", "agent", "attempt", "heartbeat", "lease left", "stale"],
        view.assignments.map((row) => [
          `${row.repository}#${row.number}`,
          row.agentId,
          row.attempts,
          age(row.heartbeatAgeSeconds),
          row.leaseExpiresInSeconds !== null && row.leaseExpiresInSeconds > 0
            ? age(row.leaseExpiresInSeconds)
            : "expired",
          row.stale ? "yes" : "",
        ]),
      )
    : "No assignments to show.";
  return `${totals}\n\nAgents\n${agents}\n\nAssignments (stale after ${view.staleAfterMinutes} min without heartbeat)\n${assignments}`;
}

export function assignCommand(context: CliContext): Command {
  const assign = new Command("assign").description("See and manage which agent works on which issue");

  assign
    .command("status")
    .description("Totals per state, per-agent counts and heartbeat ages of current assignments")
    .option("--agent-id <id>", "only this agent")
    .option("--stale", "only assignments whose heartbeat is older than the timeout")
    .addHelpText(
      "after",
      "\nExamples:\n  globallm assign status\n  globallm assign status --stale\n  globallm assign status --agent-id host-123-ab12cd34 --json",
    )
    .action(async (flags: { agentId?: string; stale?: boolean }) => {
      const settings = await context.settings();
      const staleAfterMinutes = Number(settings["agent.heartbeat_timeout_minutes"]);
      const view = await context.withDb((db) =>
        assignmentOverview(db, { agentId: flags.agentId, staleOnly: flags.stale, staleAfterMinutes }),
      );
      if (context.output.json) context.output.printJson(view);
      else context.output.data(overviewText(view));
    });

  assign
    .command("release")
    .description("Give every issue an agent holds back to the pool (the agent's next heartbeat stops it)")
    .argument("<agent-id>", "the agent, as shown by `assign status`")
    .addHelpText("after", "\nExample:\n  globallm assign release host-123-ab12cd34")
    .action(async (agentId: string) => {
      const released = await context.withDb((db) => releaseAgentAssignments(db, agentId, context.actor()));
      if (context.output.json) context.output.printJson({ agentId, released });
      else context.output.data(`Released ${released.length} issue(s) held by ${agentId}.`);
    });

  assign
    .command("cleanup")
    .description("Release assignments whose lease expired or whose last heartbeat is older than N minutes")
    .option(
      "--timeout-minutes <n>",
      "heartbeat age that counts as stale (default: agent.heartbeat_timeout_minutes, GLOBALLM_HEARTBEAT_TIMEOUT)",
      positiveMinutes,
    )
    .addHelpText(
      "after",
      "\nExamples:\n  globallm assign cleanup\n  globallm assign cleanup --timeout-minutes 10 --json",
    )
    .action(async (flags: { timeoutMinutes?: number }) => {
      const rules = assignmentSettings(await context.settings());
      const olderThanMinutes = flags.timeoutMinutes ?? rules.leaseSeconds / 60;
      const released = await context.withDb((db) =>
        releaseStaleAssignments(db, {
          maxAttempts: rules.maxAttempts,
          olderThanMinutes,
          actor: context.actor(),
        }),
      );
      if (context.output.json) {
        context.output.printJson({ timeoutMinutes: olderThanMinutes, released });
        return;
      }
      const failed = released.filter((entry) => entry.status === "failed").length;
      context.output.data(
        `Released ${released.length - failed} stale assignment(s)${failed ? `; ${failed} out of attempts marked failed` : ""} (no heartbeat for ${olderThanMinutes} min).`,
      );
    });

  return assign;
}
