import { FactorTable } from "@/components/scores/factor-table";
import type { CombinedScore } from "@/lib/scoring/factors";
import { formatPercent } from "./format";

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
      <FactorTable
        whyHeading="Measured · why"
        rows={[
          ...score.used,
          ...score.excluded.map((factor) => ({
            name: factor.name,
            value: null,
            share: null,
            raw: factor.raw,
            reason:
              factor.value !== null && factor.weight === 0
                ? "Its weight is 0 in settings, so it cannot move the score."
                : factor.reason,
          })),
        ]}
      />
    </section>
  );
}
