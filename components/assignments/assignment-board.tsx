"use client";

import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import type { AssignmentStatus } from "@/lib/db/schema";
import { type BoardCardView, type BoardView, formatAge } from "./board-view";

interface ActionOutcome {
  error?: { message: string; hint?: string };
}

export interface BoardActions {
  release: (input: { issueId: number }) => Promise<ActionOutcome>;
  retry: (input: { issueId: number }) => Promise<ActionOutcome>;
}

// Often enough to watch cards move, cheap enough for many open tabs (one small indexed query each).
const POLL_MS = 2000;

const columnTitles: Record<AssignmentStatus, string> = {
  available: "Available",
  assigned: "Assigned",
  completed: "Completed",
  failed: "Failed",
};

const columnAccents: Record<AssignmentStatus, string> = {
  available: "bg-zinc-400",
  assigned: "bg-blue-500",
  completed: "bg-emerald-500",
  failed: "bg-red-500",
};

/**
 * The live kanban: rendered with the server's board, then refreshed from `GET /api/assignments`
 * every two seconds (paused while the tab is hidden). Admins get Release and Retry on the cards.
 */
export function AssignmentBoard({ initial, actions }: { initial: BoardView; actions?: BoardActions }) {
  const [board, setBoard] = useState(initial);
  const [live, setLive] = useState<"live" | "offline">("live");
  const inFlight = useRef(false);

  const refresh = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      const response = await fetch("/api/assignments", { cache: "no-store" });
      if (!response.ok) throw new Error(`HTTP ${response.status}`);
      setBoard((await response.json()) as BoardView);
      setLive("live");
    } catch {
      setLive("offline");
    } finally {
      inFlight.current = false;
    }
  }, []);

  useEffect(() => {
    const timer = setInterval(() => {
      if (!document.hidden) void refresh();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  return (
    <div>
      <p
        data-testid="board-status"
        data-status={live}
        suppressHydrationWarning
        className="mb-3 flex items-center gap-2 text-xs text-zinc-500"
      >
        <span className={`size-2 rounded-full ${live === "live" ? "bg-emerald-500" : "bg-amber-500"}`} />
        {live === "live" ? "Live" : "Reconnecting…"} · updated {new Date(board.at).toLocaleTimeString()}
      </p>
      <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-4">
        {board.columns.map((column) => (
          <section
            key={column.status}
            data-testid={`column-${column.status}`}
            aria-labelledby={`column-${column.status}-title`}
            className="flex min-w-0 flex-col rounded-lg border border-zinc-200 bg-zinc-50"
          >
            <header className="flex items-center justify-between gap-2 border-b border-zinc-200 px-3 py-2">
              <h2
                id={`column-${column.status}-title`}
                className="flex items-center gap-2 text-sm font-semibold text-zinc-900"
              >
                <span className={`size-2 rounded-full ${columnAccents[column.status]}`} />
                {columnTitles[column.status]}
              </h2>
              <span data-testid="column-count" className="text-xs tabular-nums text-zinc-500">
                {column.cards.length < column.total
                  ? `${column.cards.length} of ${column.total.toLocaleString()}`
                  : column.total.toLocaleString()}
              </span>
            </header>
            <ol className="flex max-h-[70vh] flex-col gap-2 overflow-y-auto p-2">
              {column.cards.length === 0 ? (
                <li className="px-1 py-4 text-center text-xs text-zinc-400">Nothing here</li>
              ) : (
                column.cards.map((card) => (
                  <BoardCard
                    key={card.issueId}
                    card={card}
                    status={column.status}
                    actions={actions}
                    onChanged={refresh}
                  />
                ))
              )}
            </ol>
          </section>
        ))}
      </div>
    </div>
  );
}

function BoardCard({
  card,
  status,
  actions,
  onChanged,
}: {
  card: BoardCardView;
  status: AssignmentStatus;
  actions?: BoardActions;
  onChanged: () => Promise<void>;
}) {
  const [pending, startTransition] = useTransition();
  const [problem, setProblem] = useState<string | null>(null);
  const run = (perform: BoardActions["release"]) =>
    startTransition(async () => {
      const outcome = await perform({ issueId: card.issueId });
      setProblem(outcome.error ? outcome.error.message : null);
      await onChanged();
    });
  const control =
    actions && status === "assigned"
      ? { label: "Release", perform: actions.release }
      : actions && (status === "failed" || card.availableAfter)
        ? { label: "Retry", perform: actions.retry }
        : null;
  const reference = `${card.repository}#${card.number}`;

  return (
    <li
      data-testid="assignment-card"
      data-issue={reference}
      className={`rounded-md border bg-white p-2.5 text-xs shadow-sm ${card.stale ? "border-amber-300" : "border-zinc-200"}`}
    >
      <div className="font-mono text-[11px] text-zinc-500">
        {card.url ? (
          <a href={card.url} target="_blank" rel="noreferrer" className="hover:text-zinc-900 hover:underline">
            {reference}
          </a>
        ) : (
          reference
        )}
      </div>
      <p className="mt-0.5 line-clamp-2 text-[13px] font-medium text-zinc-900">{card.title}</p>
      <dl className="mt-1.5 flex flex-wrap gap-x-3 gap-y-0.5 text-zinc-500">
        {card.agentId ? (
          <div className="flex min-w-0 gap-1">
            <dt>agent</dt>
            <dd className="truncate font-mono text-zinc-700">{card.agentId}</dd>
          </div>
        ) : null}
        {card.heartbeatAgeSeconds !== null ? (
          <div className="flex gap-1">
            <dt>heartbeat</dt>
            <dd className={card.stale ? "font-medium text-amber-700" : "text-zinc-700"}>
              {formatAge(card.heartbeatAgeSeconds)}
              {card.stale ? " · stale" : ""}
            </dd>
          </div>
        ) : null}
        <div className="flex gap-1">
          <dt>attempts</dt>
          <dd className="tabular-nums text-zinc-700">{card.attempts}</dd>
        </div>
        {card.availableAfter ? (
          <div className="flex gap-1">
            <dt>retry after</dt>
            <dd suppressHydrationWarning className="text-zinc-700">
              {new Date(card.availableAfter).toLocaleTimeString()}
            </dd>
          </div>
        ) : null}
      </dl>
      {card.lastError ? (
        <p title={card.lastError} className="mt-1.5 line-clamp-2 rounded bg-red-50 px-1.5 py-1 text-red-700">
          {card.lastError}
        </p>
      ) : null}
      {control ? (
        <div className="mt-2 flex items-center gap-2">
          <button
            type="button"
            disabled={pending}
            aria-label={`${control.label} ${reference}`}
            onClick={() => run(control.perform)}
            className="rounded-md px-2 py-0.5 text-xs font-medium text-zinc-700 ring-1 ring-zinc-300 hover:bg-zinc-50 hover:text-zinc-900 disabled:opacity-50"
          >
            {pending ? `${control.label}…` : control.label}
          </button>
        </div>
      ) : null}
      {problem ? (
        <p role="alert" className="mt-1 text-red-700">
          {problem}
        </p>
      ) : null}
    </li>
  );
}
