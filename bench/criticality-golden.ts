/**
 * One question: does our OpenSSF criticality v1 reproduce the published scores?
 * Run: node --import tsx bench/criticality-golden.ts   (GLOBALLM_SHARED_DATA overrides the data folder)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  type CriticalityInputs,
  criticalityInputNames,
  criticalityScore,
  roundLikeV1,
} from "../lib/scoring/criticality";
import { parseCsvRecords } from "../lib/scoring/csv";
import { haveSharedData, sharedDataFile } from "../test/shared-data";

if (!haveSharedData("criticality", "criticality golden benchmark")) process.exit(0);

const dir = sharedDataFile("criticality");
const rows: Array<{ file: string; rows: number; maxError: number; exact: number }> = [];
const started = performance.now();
for (const file of readdirSync(dir)
  .filter((name) => name.endsWith(".csv"))
  .sort()) {
  let maxError = 0;
  let exact = 0;
  const records = parseCsvRecords(readFileSync(join(dir, file), "utf8"));
  for (const record of records) {
    const inputs = Object.fromEntries(
      criticalityInputNames.map((name) => [name, Number(record[name])]),
    ) as CriticalityInputs;
    const published = Number(record.criticality_score);
    const formula = criticalityScore(inputs);
    maxError = Math.max(maxError, Math.abs(published - formula));
    if (roundLikeV1(formula) === published) exact += 1;
  }
  rows.push({ file, rows: records.length, maxError, exact });
}
const seconds = (performance.now() - started) / 1000;

console.log(
  `${"file".padEnd(24)} ${"rows".padStart(5)} ${"exact".padStart(6)} ${"max |error|".padStart(12)}`,
);
for (const row of rows) {
  console.log(
    `${row.file.padEnd(24)} ${String(row.rows).padStart(5)} ${String(row.exact).padStart(6)} ${row.maxError.toExponential(3).padStart(12)}`,
  );
}
const total = rows.reduce((sum, row) => sum + row.rows, 0);
const exact = rows.reduce((sum, row) => sum + row.exact, 0);
const maxError = Math.max(...rows.map((row) => row.maxError));
console.log(
  `${"all".padEnd(24)} ${String(total).padStart(5)} ${String(exact).padStart(6)} ${maxError.toExponential(3).padStart(12)}`,
);
console.log(
  JSON.stringify({
    bench: "criticality-golden",
    rows: total,
    exact_after_rounding: exact,
    max_abs_error: maxError,
    seconds,
  }),
);
