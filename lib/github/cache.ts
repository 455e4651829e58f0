import { createHash } from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Database } from "../db/client";
import { githubCache } from "../db/schema";

export interface CachedResponse {
  etag: string | null;
  status: number;
  headers: Record<string, string>;
  body: unknown;
  fetchedAt: Date;
}

export function cacheKey(parts: string[]): string {
  return createHash("sha256").update(parts.join("\u0000")).digest("hex");
}

/** Who a response was fetched as: answers can differ per token (private repositories, limits). */
export function identityOf(token: string | undefined): string {
  return token ? createHash("sha256").update(token).digest("hex").slice(0, 16) : "anonymous";
}

/** The persistent GitHub response cache; without a database it keeps entries in memory. */
export class ResponseCache {
  private readonly memory = new Map<string, CachedResponse>();

  constructor(private readonly db: Database | undefined) {}

  async get(key: string): Promise<CachedResponse | undefined> {
    if (!this.db) return this.memory.get(key);
    const [row] = await this.db.select().from(githubCache).where(eq(githubCache.key, key));
    if (!row) return undefined;
    return {
      etag: row.etag,
      status: row.status,
      headers: (row.headers ?? {}) as Record<string, string>,
      body: row.body,
      fetchedAt: row.fetchedAt,
    };
  }

  async put(
    key: string,
    kind: "rest" | "graphql",
    url: string,
    response: Omit<CachedResponse, "fetchedAt">,
  ): Promise<void> {
    if (!this.db) {
      this.memory.set(key, { ...response, fetchedAt: new Date() });
      return;
    }
    const values = {
      kind,
      url,
      etag: response.etag,
      status: response.status,
      headers: response.headers,
      body: response.body as object,
    };
    await this.db
      .insert(githubCache)
      .values({ key, ...values })
      .onConflictDoUpdate({
        target: githubCache.key,
        set: { ...values, fetchedAt: sql`now()`, validatedAt: sql`now()` },
      });
  }

  async touch(key: string): Promise<void> {
    if (this.db)
      await this.db.update(githubCache).set({ validatedAt: sql`now()` }).where(eq(githubCache.key, key));
  }
}
