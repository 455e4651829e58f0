import type { ReactNode } from "react";
import { formatCount, formatDate, formatDateTime } from "./format";
import type { StoredSignals } from "./stored-analysis";

/** "unknown" rather than a blank or a 0: an unmeasured signal is not a zero. */
function known(value: number | null | undefined, suffix = ""): string {
  return value === null || value === undefined ? "unknown" : `${formatCount(value)}${suffix}`;
}

function yesNo(value: boolean | null | undefined, yes: string, no: string): string {
  return value === null || value === undefined ? "unknown" : value ? yes : no;
}

/** The measurements the scores were computed from, grouped as people look for them. */
export function RepositorySignals({ signals }: { signals: StoredSignals }) {
  const { commits, issues, pullRequests, releases, ci, docs, dependents } = signals;
  const items: [string, ReactNode][] = [
    [
      "Stars · forks · watchers",
      `${known(signals.stars)} · ${known(signals.forks)} · ${known(signals.watchers)}`,
    ],
    [
      "Commits (30 / 90 / 365 days)",
      `${known(commits?.last30)} / ${known(commits?.last90)} / ${known(commits?.last365)}`,
    ],
    ["Last commit", formatDate(signals.lastCommitAt)],
    ["Contributors", known(signals.contributors)],
    [
      "Issues",
      `${known(issues?.open)} open; ${known(issues?.closedLast90)} closed of ${known(issues?.updatedLast90)} updated in 90 days`,
    ],
    [
      "Pull requests",
      `${known(pullRequests?.open)} open; ${known(pullRequests?.mergedLast90)} merged in 90 days, ${known(pullRequests?.mergedTotal)} in all`,
    ],
    [
      "Releases",
      `${known(releases?.last365)} in 365 days, ${known(releases?.total)} in all; latest ${formatDate(releases?.latestAt)}`,
    ],
    [
      "CI",
      ci?.present === false
        ? "none found"
        : `${ci?.providers?.length ? ci.providers.join(", ") : "unknown provider"}; ${yesNo(ci?.passing, "passing", "failing")}`,
    ],
    [
      "Documentation",
      [
        yesNo(docs?.hasReadme, "README", "no README"),
        yesNo(docs?.hasDocs, "docs", "no docs"),
        yesNo(docs?.hasContributing, "CONTRIBUTING", "no CONTRIBUTING"),
        signals.license ? `licence ${signals.license}` : yesNo(docs?.hasLicense, "licence", "no licence"),
      ].join(", "),
    ],
    [
      "Dependents",
      `${known(dependents?.direct)} direct, ${known(dependents?.total)} in all${
        dependents?.packages?.length ? ` (${dependents.packages.join(", ")})` : ""
      }`,
    ],
    [
      "PageRank",
      signals.pagerank === null || signals.pagerank === undefined
        ? "not in the graph"
        : signals.pagerank.toExponential(2),
    ],
    ["Created · measured", `${formatDate(signals.createdAt)} · ${formatDateTime(signals.measuredAt)}`],
  ];
  return (
    <section aria-labelledby="signals" className="rounded-lg border border-zinc-200 bg-white">
      <h2 id="signals" className="border-b border-zinc-100 px-4 py-3 font-semibold text-zinc-900">
        Key signals
      </h2>
      <dl className="grid grid-cols-1 gap-x-6 gap-y-2 px-4 py-3 text-sm sm:grid-cols-2">
        {items.map(([label, value]) => (
          <div key={label} className="min-w-0">
            <dt className="text-xs text-zinc-500">{label}</dt>
            <dd className="text-zinc-900">{value}</dd>
          </div>
        ))}
      </dl>
      {signals.topics?.length ? (
        <p className="border-t border-zinc-100 px-4 py-2 text-xs text-zinc-500">
          Topics: {signals.topics.join(", ")}
        </p>
      ) : null}
    </section>
  );
}
