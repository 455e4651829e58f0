import { bigserial, index, integer, jsonb, pgTable, real, text, timestamp } from "drizzle-orm/pg-core";

/**
 * Persistent HTTP cache for GitHub: REST responses with their ETag (a 304 revalidation costs no
 * rate limit) and GraphQL results (kept for the cache window, then fetched again).
 */
export const githubCache = pgTable(
  "github_cache",
  {
    /** Hash of method, URL (or query + variables) and the identity the request was made as. */
    key: text("key").primaryKey(),
    kind: text("kind", { enum: ["rest", "graphql"] }).notNull(),
    url: text("url").notNull(),
    etag: text("etag"),
    status: integer("status").notNull(),
    headers: jsonb("headers"),
    body: jsonb("body"),
    fetchedAt: timestamp("fetched_at", { withTimezone: true }).notNull().defaultNow(),
    /** Last time the entry was confirmed fresh (a 304, or served within the cache window). */
    validatedAt: timestamp("validated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [index("github_cache_fetched_at_idx").on(table.fetchedAt)],
);

/** Every request GlobaLLM makes to GitHub (or serves from cache), so rate-limit spend is measurable. */
export const githubRequests = pgTable(
  "github_requests",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    method: text("method").notNull(),
    /** Route template (`GET /repos/{owner}/{repo}`) or `POST /graphql RepositorySignals`. */
    endpoint: text("endpoint").notNull(),
    status: integer("status"),
    /** core, search, graphql … (x-ratelimit-resource). */
    resource: text("resource"),
    /** Rate-limit points spent: 0 for a 304 or a cache hit. */
    cost: real("cost").notNull().default(0),
    cacheHit: text("cache_hit", { enum: ["none", "etag", "fresh"] })
      .notNull()
      .default("none"),
    durationMs: integer("duration_ms"),
    /** Which run made it (e.g. `discover:…`), so a command can report its own spend. */
    runId: text("run_id"),
  },
  (table) => [index("github_requests_at_idx").on(table.at), index("github_requests_run_idx").on(table.runId)],
);

export type GithubCacheEntry = typeof githubCache.$inferSelect;
export type GithubRequest = typeof githubRequests.$inferInsert;
