import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

const sourceRoots = [
  "app",
  "components",
  "lib",
  "public",
  "next.config.ts",
  "postcss.config.mjs",
  "package-lock.json",
  "proxy.ts",
];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path)) {
    if (entry === "node_modules" || entry.startsWith(".")) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** A production build is needed when there is none, or a source file changed after it was made. */
export function buildIsStale(root: string, distDir = ".next"): boolean {
  const buildId = join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const builtAt = statSync(buildId).mtimeMs;
  return sourceRoots.some((entry) => newestMtime(join(root, entry)) > builtAt);
}
