import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { registerDepsDevRoutes } from "./depsdev/depsdev-routes";
import { registerGraphqlRoute } from "./graphql/graphql-route";
import { type OAuthOptions, registerOAuthRoutes } from "./oauth/oauth-routes";
import { registerChecksRoutes } from "./rest/routes/checks-routes";
import { registerHistoryRoutes } from "./rest/routes/history-routes";
import { registerIssueRoutes } from "./rest/routes/issue-routes";
import { registerMetaRoutes } from "./rest/routes/meta-routes";
import { registerRepositoryRoutes } from "./rest/routes/repository-routes";
import { registerSearchRoutes } from "./rest/routes/search-routes";
import { registerUserRoutes } from "./rest/routes/user-routes";
import { TokenRegistry } from "./server/auth";
import { type EmulatorContext, type EmulatorUrls, requestIds } from "./server/context";
import { controlResponse } from "./server/control-routes";
import { FaultInjector, type Faults, type ResolvedFaults } from "./server/faults";
import { handleRequest } from "./server/handle-request";
import { RateLimiter, type RateLimitOptions } from "./server/rate-limits";
import { Router } from "./server/router";
import { type EmulatorStats, StatsRecorder } from "./server/stats";
import { generateWorld } from "./world/generate/generate-world";
import { isTrusted, parseWorld } from "./world/load-world";
import { WorldIndex } from "./world/world-index";
import type { World } from "./world/world-schema";

export interface GitHubEmulatorOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  host?: string;
  /** A world to serve; validated. Without it a world is generated from `seed`. */
  world?: World;
  /** PRNG seed for the generated world and for fault decisions (default 1). */
  seed?: number;
  /** Size of the generated world (default 600). */
  repositories?: number;
  faults?: Faults;
  rateLimit?: RateLimitOptions;
  /** The emulator's clock (rate-limit windows, OAuth code expiry, the generated world's "now"). */
  clock?: () => Date;
  /** Fixed tokens → logins, besides world.tokens and the ghp_/gho_ convention. */
  tokens?: Record<string, string>;
  /** The login that conventional tokens (ghp_…, gho_…) map to; default: the world's first user. */
  defaultLogin?: string;
  oauth?: OAuthOptions;
}

export interface GitHubEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  apiUrl: string;
  graphqlUrl: string;
  serverUrl: string;
  depsDevUrl: string;
  world: World;
  index: WorldIndex;
  /** Environment variables that point GlobaLLM (or any GitHub client) at the emulator. */
  env: Record<string, string>;
  stats(): EmulatorStats;
  resetStats(): void;
  setFaults(faults: Faults): ResolvedFaults;
  /** Forget rate-limit windows (e.g. between benchmark phases). */
  resetRateLimits(): void;
  /** Accept `token` as `login` from now on (a user of its own has its own rate limits). */
  addToken(token: string, login: string, scopes?: string[]): void;
  close(): Promise<void>;
}

/** Starts a local GitHub (REST, GraphQL, OAuth) with a deps.dev stand-in on one port. */
export async function startGitHubEmulator(options: GitHubEmulatorOptions = {}): Promise<GitHubEmulator> {
  const clock = options.clock ?? (() => new Date());
  const seed = options.seed ?? 1;
  const given = options.world;
  const world = given
    ? isTrusted(given)
      ? given
      : parseWorld(given, "options.world")
    : generateWorld({ seed, repositories: options.repositories, now: clock() });
  const index = new WorldIndex(world);
  const defaultLogin =
    options.defaultLogin ?? world.accounts.find((a) => a.type === "User")?.login ?? "octocat";
  const tokens = new TokenRegistry(index, defaultLogin);
  for (const [token, login] of Object.entries(options.tokens ?? {})) tokens.register(token, login);
  const faults = new FaultInjector(seed);
  if (options.faults) faults.set(options.faults);
  const urls: EmulatorUrls = { origin: "", api: "", server: "", graphql: "", depsdev: "" };
  const ctx: EmulatorContext = {
    index,
    clock,
    urls,
    tokens,
    limiter: new RateLimiter(options.rateLimit ?? {}, () => clock().getTime()),
    stats: new StatsRecorder(),
    faults,
    requestId: requestIds(seed),
  };

  const router = new Router();
  registerMetaRoutes(router, ctx);
  registerSearchRoutes(router, ctx);
  registerRepositoryRoutes(router, ctx);
  registerHistoryRoutes(router, ctx);
  registerChecksRoutes(router, ctx);
  registerIssueRoutes(router, ctx);
  registerUserRoutes(router, ctx);
  registerGraphqlRoute(router, ctx);
  registerOAuthRoutes(router, ctx, options.oauth);
  registerDepsDevRoutes(router, ctx);

  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    if (path.startsWith("/_emulator/")) {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const response = controlResponse(
          ctx,
          req.method ?? "GET",
          path,
          Buffer.concat(chunks).toString("utf8"),
          () => ctx.stats.reset(),
        );
        res.writeHead(response.status, { "content-type": "application/json; charset=utf-8" });
        res.end(JSON.stringify(response.body));
      });
      return;
    }
    handleRequest(ctx, router, req, res).catch((error) => {
      console.error("[emulator] request failed:", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json; charset=utf-8" });
      res.end(JSON.stringify({ message: "Server Error" }));
    });
  });
  // Clients keep connections alive; close() must not wait for them.
  const sockets = new Set<import("node:net").Socket>();
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });

  const host = options.host ?? "127.0.0.1";
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  Object.assign(urls, {
    origin,
    api: origin,
    server: origin,
    graphql: `${origin}/graphql`,
    depsdev: `${origin}/depsdev`,
  });

  return {
    url: origin,
    apiUrl: urls.api,
    graphqlUrl: urls.graphql,
    serverUrl: urls.server,
    depsDevUrl: urls.depsdev,
    world,
    index,
    env: {
      GITHUB_API_URL: urls.api,
      GITHUB_GRAPHQL_URL: urls.graphql,
      GITHUB_SERVER_URL: urls.server,
      DEPS_DEV_URL: urls.depsdev,
    },
    stats: () => ctx.stats.snapshot(),
    resetStats: () => ctx.stats.reset(),
    setFaults: (f) => faults.set(f),
    resetRateLimits: () => ctx.limiter.reset(),
    addToken: (token, login, scopes) => tokens.register(token, login, scopes),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        for (const socket of sockets) socket.destroy();
      }),
  };
}
