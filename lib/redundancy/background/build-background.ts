/**
 * Rebuilds background-frequencies.json: how many documents of a general software corpus use each
 * term, so that a comparison of just two projects still knows that "library", "install" or
 * "support" say little. The corpus is the READMEs and package descriptions of this repository's own
 * dependency tree (node_modules as pinned by package-lock.json): README-style prose about software,
 * on every machine that can build GlobaLLM, with no download. It leans towards JavaScript tooling;
 * comparisons of larger sets mostly use their own frequencies anyway (see idf.ts).
 *
 * Run: node --import tsx lib/redundancy/background/build-background.ts
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { cleanDescription, cleanReadme } from "../clean-text";
import { conceptsOf } from "../concept-vector";
import { tokenize } from "../tokenize";

const root = fileURLToPath(new URL("../../../", import.meta.url));

function* packageDirectories(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (!entry.isDirectory() || entry.name.startsWith(".")) continue;
    const path = join(dir, entry.name);
    if (entry.name.startsWith("@")) {
      yield* packageDirectories(path);
      continue;
    }
    yield path;
    const nested = join(path, "node_modules");
    if (statSync(nested, { throwIfNoEntry: false })?.isDirectory()) yield* packageDirectories(nested);
  }
}

export function buildBackground(): {
  documents: number;
  frequencies: Record<string, number>;
  source: string;
} {
  const documents: string[][] = [];
  const seen = new Set<string>();
  for (const dir of packageDirectories(join(root, "node_modules"))) {
    let manifest: { name?: string; description?: string };
    try {
      manifest = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    } catch {
      continue; // not a package (a plain folder inside a scope)
    }
    if (!manifest.name || seen.has(manifest.name)) continue;
    seen.add(manifest.name);
    if (manifest.description) documents.push(tokenize(cleanDescription(manifest.description)));
    const readme = readdirSync(dir).find((file) => /^readme(\.(md|markdown|txt|rst))?$/i.test(file));
    if (readme) documents.push(tokenize(cleanReadme(readFileSync(join(dir, readme), "utf8"))));
  }
  const counts = new Map<string, number>();
  for (const tokens of documents) {
    const terms = new Set([...tokens, ...conceptsOf(tokens).keys()]);
    for (const term of terms) counts.set(term, (counts.get(term) ?? 0) + 1);
  }
  // A term seen once is as good as unseen; dropping them keeps the file small.
  const frequencies = Object.fromEntries(
    [...counts].filter(([, count]) => count >= 2).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
  );
  const lock = createHash("sha256")
    .update(readFileSync(join(root, "package-lock.json")))
    .digest("hex")
    .slice(0, 12);
  return {
    documents: documents.length,
    frequencies,
    source: `READMEs and descriptions of ${seen.size} packages in node_modules (package-lock.json sha256 ${lock}…)`,
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const background = buildBackground();
  const target = fileURLToPath(new URL("./background-frequencies.json", import.meta.url));
  const { source, documents, frequencies } = background;
  // Two-space JSON, as the formatter (biome) writes it, so a rebuild only shows real changes.
  writeFileSync(target, `${JSON.stringify({ source, documents, frequencies }, null, 2)}\n`);
  console.log(
    `${target}: ${background.documents} documents, ${Object.keys(background.frequencies).length} terms`,
  );
}
