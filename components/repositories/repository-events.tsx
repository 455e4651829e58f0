import type { Event } from "@/lib/db/schema";
import { formatDateTime, formatPercent } from "./format";

const verbs: Record<string, string> = {
  "repository.analyzed": "analyzed",
  "repository.approved": "approved by hand",
  "repository.rejected": "rejected by hand",
  "repository.removed": "removed",
};

function summary(event: Event): string | null {
  const data = (event.data ?? {}) as Record<string, unknown>;
  if (event.action === "repository.analyzed") {
    const health = typeof data.health === "number" ? data.health : null;
    const impact = typeof data.impact === "number" ? data.impact : null;
    const worth =
      data.worthWorkingOn === true ? "worth it" : data.worthWorkingOn === false ? "not now" : null;
    return `health ${formatPercent(health)}, impact ${formatPercent(impact)}${worth ? ` → ${worth}` : ""}`;
  }
  return null;
}

/** The audit trail of one repository, newest first: who did what, when. */
export function RepositoryEvents({ events }: { events: Event[] }) {
  return (
    <section aria-labelledby="events" className="rounded-lg border border-zinc-200 bg-white">
      <h2 id="events" className="border-b border-zinc-100 px-4 py-3 font-semibold text-zinc-900">
        Recent events
      </h2>
      {events.length === 0 ? (
        <p className="px-4 py-3 text-zinc-500">Nothing recorded yet.</p>
      ) : (
        <ol className="divide-y divide-zinc-100" data-testid="repository-events">
          {events.map((event) => (
            <li key={event.id} className="flex flex-wrap items-baseline gap-x-3 gap-y-0.5 px-4 py-2">
              <time dateTime={event.at.toISOString()} className="w-36 shrink-0 text-xs text-zinc-500">
                {formatDateTime(event.at)}
              </time>
              <span className="font-medium text-zinc-900">{verbs[event.action] ?? event.action}</span>
              <span className="font-mono text-xs text-zinc-600">{event.actor}</span>
              {summary(event) ? <span className="text-xs text-zinc-500">{summary(event)}</span> : null}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
