"use client";

import { useState, useTransition } from "react";

interface ActionOutcome {
  data?: unknown;
  error?: { message: string; hint?: string };
}

type RepositoryAction = (input: { fullName: string }) => Promise<ActionOutcome>;

export interface RepositoryActions {
  approve: RepositoryAction;
  reject: RepositoryAction;
  reanalyze: RepositoryAction;
}

type Kind = keyof RepositoryActions;

const done: Record<Kind, string> = {
  approve: "Approved: marked worth working on.",
  reject: "Rejected: marked not worth working on now.",
  reanalyze: "Analyzed again with the current weights and thresholds.",
};

/**
 * An admin's hand on the verdict: approve or reject (overriding the computed verdict until the
 * next analysis) and re-analyze. Only rendered for admins; the server actions check again.
 */
export function RepositoryAdminActions({
  fullName,
  worth,
  actions,
}: {
  fullName: string;
  worth: boolean | null;
  actions: RepositoryActions;
}) {
  const [pending, startTransition] = useTransition();
  const [running, setRunning] = useState<Kind | null>(null);
  const [outcome, setOutcome] = useState<{ kind: Kind; result: ActionOutcome } | null>(null);

  const run = (kind: Kind) => {
    setRunning(kind);
    setOutcome(null);
    startTransition(async () => {
      const result = await actions[kind]({ fullName });
      setOutcome({ kind, result });
      setRunning(null);
    });
  };
  const button =
    "rounded-md px-2.5 py-1.5 text-xs font-medium ring-1 ring-inset disabled:pointer-events-none disabled:opacity-50";

  return (
    <div className="flex flex-col items-end gap-1.5">
      <div className="flex flex-wrap gap-2">
        <button
          type="button"
          disabled={pending || worth === true}
          onClick={() => run("approve")}
          className={`${button} bg-emerald-600 text-white ring-emerald-700 hover:bg-emerald-700`}
        >
          {running === "approve" ? "Approving…" : "Approve"}
        </button>
        <button
          type="button"
          disabled={pending || worth === false}
          onClick={() => run("reject")}
          className={`${button} bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50`}
        >
          {running === "reject" ? "Rejecting…" : "Reject"}
        </button>
        <button
          type="button"
          disabled={pending}
          onClick={() => run("reanalyze")}
          className={`${button} bg-white text-zinc-800 ring-zinc-300 hover:bg-zinc-50`}
        >
          {running === "reanalyze" ? "Analyzing…" : "Re-analyze"}
        </button>
      </div>
      {outcome?.result.error ? (
        <p role="alert" className="text-xs text-red-700">
          {outcome.result.error.message}
          {outcome.result.error.hint ? (
            <span className="block text-red-600/80">{outcome.result.error.hint}</span>
          ) : null}
        </p>
      ) : outcome ? (
        <p role="status" className="text-xs text-emerald-700">
          {done[outcome.kind]}
        </p>
      ) : null}
    </div>
  );
}
