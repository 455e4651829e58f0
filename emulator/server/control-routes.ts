import { z } from "zod";
import type { WorldIndex } from "../world/world-index";
import type { EmulatorContext } from "./context";
import { faultsSchema } from "./faults";
import type { EmulatorResponse } from "./router";

/** A short description of the world, for `GET /_emulator/world` and the CLI banner. */
export function worldSummary(index: WorldIndex) {
  const { world } = index;
  const repos = world.repositories;
  const count = <T>(items: T[], key: (t: T) => string | null) =>
    items.reduce<Record<string, number>>((acc, item) => {
      const k = key(item) ?? "none";
      acc[k] = (acc[k] ?? 0) + 1;
      return acc;
    }, {});
  const users = world.accounts.filter((a) => a.type === "User");
  return {
    seed: world.seed,
    generatedAt: world.generatedAt,
    repositories: repos.length,
    accounts: { users: users.length, organizations: world.accounts.length - users.length },
    issues: repos.reduce((sum, r) => sum + r.issues.length, 0),
    pulls: repos.reduce((sum, r) => sum + r.pulls.length, 0),
    packages: repos.reduce((sum, r) => sum + r.packages.length, 0),
    byLanguage: count(repos, (r) => r.language),
    byDomain: count(repos, (r) => r.domain),
    byKind: count(repos, (r) => r.kind),
    forks: repos.filter((r) => r.fork).length,
    archived: repos.filter((r) => r.archived).length,
    mostStarred: repos
      .slice()
      .sort((a, b) => b.stars - a.stars)
      .slice(0, 10)
      .map((r) => ({ fullName: `${r.owner}/${r.name}`, stars: r.stars, language: r.language })),
    sampleUsers: users.slice(0, 10).map((u) => u.login),
    defaultTokenUser: users[0]?.login ?? null,
  };
}

/**
 * `/_emulator/*`: stats, faults and a world summary for tests and benchmarks. These requests are
 * never faulted, rate limited or counted.
 */
export function controlResponse(
  ctx: EmulatorContext,
  method: string,
  path: string,
  body: string,
  resetStats: () => void,
): EmulatorResponse {
  if (method === "GET" && path === "/_emulator/stats") return { status: 200, body: ctx.stats.snapshot() };
  if (method === "POST" && path === "/_emulator/reset-stats") {
    resetStats();
    return { status: 200, body: { ok: true } };
  }
  if (method === "POST" && path === "/_emulator/reset-rate-limits") {
    ctx.limiter.reset();
    return { status: 200, body: { ok: true } };
  }
  if (method === "GET" && path === "/_emulator/faults") return { status: 200, body: ctx.faults.current };
  if (method === "POST" && path === "/_emulator/faults") {
    let json: unknown;
    try {
      json = JSON.parse(body || "{}");
    } catch {
      return { status: 400, body: { message: "The body must be a JSON object of faults." } };
    }
    const parsed = faultsSchema.safeParse(json);
    if (!parsed.success)
      return { status: 422, body: { message: "Invalid faults", errors: z.prettifyError(parsed.error) } };
    return { status: 200, body: ctx.faults.set(parsed.data) };
  }
  if (method === "GET" && path === "/_emulator/world") return { status: 200, body: worldSummary(ctx.index) };
  return {
    status: 404,
    body: {
      message: "Not Found",
      routes: [
        "GET /_emulator/stats",
        "POST /_emulator/reset-stats",
        "POST /_emulator/reset-rate-limits",
        "GET|POST /_emulator/faults",
        "GET /_emulator/world",
      ],
    },
  };
}
