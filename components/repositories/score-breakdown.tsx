import type { CombinedScore } from "@/lib/scoring/factors";
import { factorLabel, formatPercent } from "./format";

/**
 * One score with every factor behind it: the value, the measurement it came from, the share of
 * the weight it carried and why; then the factors left out, and why they were.
 */
export function ScoreBreakdown({
  title,
  score,
  threshold,
}: {
  title: string;
  score: CombinedScore;
  /** The team's bar for "worth working on", when known. */
  threshold?: number;
}) {
  const id = `score-${title.toLowerCase()}`;
  return (
    <section aria-labelledby={id} data-testid={id} className="rounded-lg border border-zinc-200 bg-white">
      <header className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-b border-zinc-100 px-4 py-3">
        <h2 id={id} className="font-semibold text-zinc-900">
          {title} <span className="ml-1 tabular-nums">{formatPercent(score.score)}</span>
        </h2>
        <p className="text-xs text-zinc-500">
          {score.reason}
          {threshold === undefined ? null : <> Threshold: above {formatPercent(threshold)}.</>}
        </p>
      </header>
      <table className="w-full table-fixed text-left">
        <thead className="text-xs text-zinc-500">
          <tr className="border-b border-zinc-100">
            <th scope="col" className="w-44 px-4 py-1.5 font-medium">
              Factor
            </th>
            <th scope="col" className="w-20 px-2 py-1.5 text-right font-medium">
              Value
            </th>
            <th scope="col" className="w-20 px-2 py-1.5 text-right font-medium">
              Weight
            </th>
            <th scope="col" className="px-4 py-1.5 font-medium">
              Measured · why
            </th>
          </tr>
        </thead>
        <tbody className="divide-y divide-zinc-100">
          {score.used.map((factor) => (
            <tr key={factor.name} className="align-top">
              <th scope="row" className="whitespace-nowrap px-4 py-2 font-medium text-zinc-900">
                {factorLabel(factor.name)}
              </th>
              <td className="px-2 py-2 text-right tabular-nums text-zinc-900">
                {formatPercent(factor.value)}
              </td>
              <td
                className="px-2 py-2 text-right tabular-nums text-zinc-600"
                title={`weight ${factor.weight}`}
              >
                {formatPercent(factor.share)}
              </td>
              <td className="px-4 py-2">
                <p className="break-words font-mono text-xs text-zinc-700">{factor.raw}</p>
                <p className="text-xs text-zinc-500">{factor.reason}</p>
              </td>
            </tr>
          ))}
          {score.excluded.map((factor) => (
            <tr key={factor.name} className="align-top bg-zinc-50/60" data-excluded="true">
              <th scope="row" className="whitespace-nowrap px-4 py-2 font-medium text-zinc-500">
                {factorLabel(factor.name)}
              </th>
              <td className="px-2 py-2 text-right text-xs text-zinc-500">left out</td>
              <td className="px-2 py-2 text-right text-xs text-zinc-400">—</td>
              <td className="px-4 py-2">
                <p className="break-words font-mono text-xs text-zinc-600">{factor.raw}</p>
                <p className="text-xs text-zinc-500">
                  {factor.value !== null && factor.weight === 0
                    ? "Its weight is 0 in settings, so it cannot move the score."
                    : factor.reason}
                </p>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
