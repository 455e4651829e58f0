import { factorLabel, formatPercent } from "@/components/repositories/format";

/** One factor of a score as a breakdown shows it. */
export interface FactorRow {
  name: string;
  /** 0..1; null when the factor was left out. */
  value: number | null;
  /** Its share of the score (the weights normalised to sum to 1); null when left out. */
  share: number | null;
  /** The weight as configured, shown on hover. */
  weight?: number;
  /** The measurement it came from, when there is one. */
  raw?: string;
  reason: string;
}

/**
 * The factors behind a score, one row each: value, share of the weight, and why — shared by the
 * health and impact of a repository and the priority of an issue. Left-out factors (value null)
 * are greyed and say why they were left out.
 */
export function FactorTable({ rows, whyHeading = "Why" }: { rows: FactorRow[]; whyHeading?: string }) {
  return (
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
            {whyHeading}
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-zinc-100">
        {rows.map((factor) => {
          const excluded = factor.value === null;
          return (
            <tr
              key={factor.name}
              className={`align-top ${excluded ? "bg-zinc-50/60" : ""}`}
              data-excluded={excluded || undefined}
            >
              <th
                scope="row"
                className={`whitespace-nowrap px-4 py-2 font-medium ${excluded ? "text-zinc-500" : "text-zinc-900"}`}
              >
                {factorLabel(factor.name)}
              </th>
              {excluded ? (
                <>
                  <td className="px-2 py-2 text-right text-xs text-zinc-500">left out</td>
                  <td className="px-2 py-2 text-right text-xs text-zinc-400">—</td>
                </>
              ) : (
                <>
                  <td className="px-2 py-2 text-right tabular-nums text-zinc-900">
                    {formatPercent(factor.value)}
                  </td>
                  <td
                    className="px-2 py-2 text-right tabular-nums text-zinc-600"
                    title={factor.weight === undefined ? undefined : `weight ${factor.weight}`}
                  >
                    {formatPercent(factor.share)}
                  </td>
                </>
              )}
              <td className="px-4 py-2">
                {factor.raw ? (
                  <p
                    className={`break-words font-mono text-xs ${excluded ? "text-zinc-600" : "text-zinc-700"}`}
                  >
                    {factor.raw}
                  </p>
                ) : null}
                <p className={`text-xs ${factor.raw ? "text-zinc-500" : "text-zinc-700"}`}>{factor.reason}</p>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
