"use client";

import { useEffect, useState } from "react";

interface HealthAnswer {
  database: {
    status: "up" | "outdated" | "down";
    latencyMs: number;
    schemaVersion?: number;
    message?: string;
  };
}

type Shown = { state: "checking" } | { state: "unreachable" } | ({ state: "answered" } & HealthAnswer);

// Often enough to notice an outage while looking at the page, rarely enough to be free.
const POLL_MS = 30_000;

/** The database's status as /api/health reports it; an unreachable app is shown as such, not as "up". */
export function HealthStatus() {
  const [shown, setShown] = useState<Shown>({ state: "checking" });

  useEffect(() => {
    let cancelled = false;
    const check = async () => {
      try {
        const response = await fetch("/api/health", { cache: "no-store" });
        const body = (await response.json()) as HealthAnswer;
        if (!cancelled) setShown({ state: "answered", ...body });
      } catch {
        if (!cancelled) setShown({ state: "unreachable" });
      }
    };
    check();
    const timer = setInterval(check, POLL_MS);
    return () => {
      cancelled = true;
      clearInterval(timer);
    };
  }, []);

  const { tone, label, detail } = presentation(shown);
  return (
    <div
      data-testid="health-status"
      data-status={shown.state === "answered" ? shown.database.status : shown.state}
      className="flex items-start gap-2 text-xs text-zinc-600"
    >
      <span className={`mt-1 size-2 shrink-0 rounded-full ${tone}`} aria-hidden="true" />
      <span>
        <span className="block font-medium text-zinc-700">{label}</span>
        {detail ? <span className="block text-zinc-500">{detail}</span> : null}
      </span>
    </div>
  );
}

function presentation(shown: Shown): { tone: string; label: string; detail?: string } {
  if (shown.state === "checking") return { tone: "bg-zinc-300", label: "Checking database…" };
  if (shown.state === "unreachable") return { tone: "bg-red-500", label: "Server unreachable" };
  const { database } = shown;
  if (database.status === "up") {
    return {
      tone: "bg-emerald-500",
      label: "Database up",
      detail: `schema v${database.schemaVersion} · ${database.latencyMs} ms`,
    };
  }
  if (database.status === "outdated") {
    return { tone: "bg-amber-500", label: "Database needs migrating", detail: database.message };
  }
  return { tone: "bg-red-500", label: "Database down", detail: database.message };
}
