import type { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GitHubEmulator } from "./start-emulator";
import { FIXED_NOW, octokitFor, startTestEmulator } from "./test-helpers";

let emulator: GitHubEmulator;
let now = FIXED_NOW.getTime();

beforeAll(async () => {
  // A movable clock, so rate-limit windows can pass without waiting.
  emulator = await startTestEmulator({
    repositories: 20,
    clock: () => new Date(now),
    rateLimit: { anonymousCore: 5, core: 8, search: 3, graphql: 10 },
  });
});
afterAll(() => emulator.close());

describe("primary rate limits", () => {
  it("exhausts the anonymous limit with GitHub's 403 and reset header, and refills after the window", async () => {
    const anonymous = octokitFor(emulator, null);
    const repo = emulator.world.repositories[0];
    if (!repo) throw new Error("no repository");
    const remaining: string[] = [];
    for (let i = 0; i < 5; i++) {
      const { headers } = await anonymous.repos.get({ owner: repo.owner, repo: repo.name });
      remaining.push(String(headers["x-ratelimit-remaining"]));
    }
    expect(remaining).toEqual(["4", "3", "2", "1", "0"]);
    const error = (await anonymous.repos
      .get({ owner: repo.owner, repo: repo.name })
      .catch((e: unknown) => e)) as RequestError;
    expect(error.status).toBe(403);
    expect(error.response?.headers["x-ratelimit-remaining"]).toBe("0");
    expect(Number(error.response?.headers["x-ratelimit-reset"])).toBe(Math.floor(now / 1000) + 3600);
    expect((error.response?.data as { message?: string } | undefined)?.message).toMatch(
      /^API rate limit exceeded for 127\.0\.0\.1\. \(But here's the good news/,
    );
    const limits = await anonymous.rateLimit.get();
    expect(limits.data.resources.core).toMatchObject({ limit: 5, remaining: 0, used: 5 });
    now += 3601_000;
    const again = await anonymous.repos.get({ owner: repo.owner, repo: repo.name });
    expect(again.headers["x-ratelimit-remaining"]).toBe("4");
  });

  it("keeps separate limits per user and resource; /rate_limit itself is free", async () => {
    const octokit = octokitFor(emulator, "ghp_limits");
    await octokit.rateLimit.get();
    await octokit.rateLimit.get();
    const { data } = await octokit.rateLimit.get();
    expect(data.resources.core).toMatchObject({ limit: 8, used: 0 });
    expect(data.resources.search).toMatchObject({ limit: 3, used: 0 });
    for (let i = 0; i < 3; i++) await octokit.search.repos({ q: "is:public" });
    const refused = (await octokit.search.repos({ q: "is:public" }).catch((e: unknown) => e)) as RequestError;
    expect(refused.status).toBe(403);
    expect(refused.response?.headers["x-ratelimit-resource"]).toBe("search");
    // Search has its own window; core is untouched.
    expect((await octokit.rateLimit.get()).data.resources.core.used).toBe(0);
  });

  it("answers GraphQL over its budget with RATE_LIMITED", async () => {
    emulator.addToken("graphql-budget", "budget-user");
    const call = () =>
      fetch(emulator.graphqlUrl, {
        method: "POST",
        headers: { authorization: "bearer graphql-budget" },
        body: JSON.stringify({ query: "{ rateLimit { remaining } }" }),
      }).then(async (r) => ({
        headers: r.headers,
        body: (await r.json()) as {
          errors?: { type: string }[];
          data?: { rateLimit: { remaining: number } };
        },
      }));
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await call());
    expect(results[9]?.body.data?.rateLimit.remaining).toBe(0);
    expect(results[10]?.body.errors?.[0]?.type).toBe("RATE_LIMITED");
    expect(results[10]?.headers.get("x-ratelimit-remaining")).toBe("0");
  });
});
