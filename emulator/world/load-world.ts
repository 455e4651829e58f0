import { readFileSync } from "node:fs";
import { z } from "zod";
import { type World, worldSchema } from "./world-schema";

export class WorldError extends Error {
  override name = "WorldError";
}

/**
 * Worlds built by the emulator's own generators are valid by construction; validating a
 * shared-data world (a million timestamps) would take seconds, so they skip the schema check.
 */
const trusted = new WeakSet<World>();

export function markTrusted(world: World): World {
  trusted.add(world);
  return world;
}

export function isTrusted(world: World): boolean {
  return trusted.has(world);
}

/** Checks what the schema alone cannot: unique names and numbers, links that point somewhere. */
function integrityProblems(world: World): string[] {
  const problems: string[] = [];
  const logins = new Set<string>();
  for (const account of world.accounts) {
    const key = account.login.toLowerCase();
    if (logins.has(key)) problems.push(`accounts: login "${account.login}" appears twice`);
    logins.add(key);
  }
  const names = new Set<string>();
  const ids = new Set<number>();
  world.repositories.forEach((repo, i) => {
    const where = `repositories[${i}] (${repo.owner}/${repo.name})`;
    const key = `${repo.owner}/${repo.name}`.toLowerCase();
    if (names.has(key)) problems.push(`${where}: repository appears twice`);
    names.add(key);
    if (ids.has(repo.id)) problems.push(`${where}: id ${repo.id} is used by another repository`);
    ids.add(repo.id);
    const numbers = new Set<number>();
    for (const item of [...repo.issues, ...repo.pulls]) {
      if (numbers.has(item.number)) problems.push(`${where}: issue/pull number ${item.number} is used twice`);
      numbers.add(item.number);
    }
    const pulls = new Set(repo.pulls.map((p) => p.number));
    for (const issue of repo.issues) {
      for (const linked of issue.linkedPullRequests) {
        if (!pulls.has(linked))
          problems.push(`${where}: issue #${issue.number} links pull #${linked}, which does not exist`);
      }
    }
    if (repo.fork && !repo.parent) problems.push(`${where}: a fork needs "parent"`);
    const paths = new Set<string>();
    for (const file of repo.files) {
      if (paths.has(file.path)) problems.push(`${where}: file "${file.path}" appears twice`);
      paths.add(file.path);
    }
  });
  const tokens = new Set<string>();
  for (const token of world.tokens) {
    if (tokens.has(token.token)) problems.push("tokens: a token appears twice");
    tokens.add(token.token);
  }
  return problems;
}

/** Validates untrusted JSON as a World, with every problem listed by path. */
export function parseWorld(input: unknown, source = "world"): World {
  const parsed = worldSchema.safeParse(input);
  if (!parsed.success) {
    throw new WorldError(`${source} is not a valid emulator world:\n${z.prettifyError(parsed.error)}`);
  }
  const problems = integrityProblems(parsed.data);
  if (problems.length > 0) {
    const shown = problems.slice(0, 20).map((p) => `  ✖ ${p}`);
    if (problems.length > 20) shown.push(`  … and ${problems.length - 20} more`);
    throw new WorldError(`${source} is not a consistent emulator world:\n${shown.join("\n")}`);
  }
  return parsed.data;
}

export function loadWorldFile(path: string): World {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (error) {
    throw new WorldError(`cannot read the world file ${path}: ${(error as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new WorldError(`${path} is not JSON: ${(error as Error).message}`);
  }
  return parseWorld(json, path);
}
