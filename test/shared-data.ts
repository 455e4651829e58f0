import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** Real data for tests and benchmarks lives beside the project (../shared/data); never copied in. */
export function sharedDataDir(): string {
  return process.env.GLOBALLM_SHARED_DATA ?? fileURLToPath(new URL("../../shared/data", import.meta.url));
}

export function sharedDataFile(relative: string): string {
  return join(sharedDataDir(), relative);
}

/** True when the file exists; otherwise says clearly what is skipped and why. */
export function haveSharedData(relative: string, what: string): boolean {
  const path = sharedDataFile(relative);
  if (existsSync(path)) return true;
  console.warn(`[skip] ${what}: ${path} not found (set GLOBALLM_SHARED_DATA to the shared data folder)`);
  return false;
}
