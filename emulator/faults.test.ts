import { retry } from "@octokit/plugin-retry";
import { throttling } from "@octokit/plugin-throttling";
import { Octokit } from "@octokit/rest";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { GitHubEmulator } from "./start-emulator";
import { startTestEmulator } from "./test-helpers";

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ repositories: 60, seed: 42 });
});
afterAll(() => emulator.close());
beforeEach(() => {
  emulator.setFaults({});
  emulator.resetStats();
  emulator.resetRateLimits();
});

const headers = { authorization: "token ghp_faults" };
const get = (path: string) => fetch(`${emulator.apiUrl}${path}`, { headers });

async function statuses(n: number): Promise<number[]> {
  const out: number[] = [];
  const repo = emulator.world.repositories[0];
  for (let i = 0; i < n; i++) {
    const response = await get(`/repos/${repo?.owner}/${repo?.name}/topics`);
    await response.arrayBuffer();
    out.push(response.status);
  }
  return out;
}

/** The product's client setup: retries and throttling, with waits shrunk for tests. */
function resilientOctokit() {
  const Resilient = Octokit.plugin(retry, throttling);
  return new Resilient({
    baseUrl: emulator.apiUrl,
    auth: "ghp_faults",
    retry: { retryAfterBaseValue: 1, retries: 5 },
    throttle: { onRateLimit: () => true, onSecondaryRateLimit: () => true, retryAfterBaseValue: 1 },
    log: { debug() {}, info() {}, warn() {}, error() {} },
  });
}

describe("error rate", () => {
  it("answers about the configured share with 5xx, the same way for the same seed", async () => {
    emulator.setFaults({ errorRate: 0.3 });
    const first = await statuses(120);
    const errors = first.filter((s) => s >= 500);
    // 30% of 120 is 36; a binomial stays within about three standard deviations (±15).
    expect(errors.length).toBeGreaterThan(21);
    expect(errors.length).toBeLessThan(51);
    expect(new Set(errors)).toEqual(new Set([500, 502, 503]));
    emulator.setFaults({ errorRate: 0.3 });
    expect(await statuses(120)).toEqual(first);
    emulator.setFaults({ errorRate: 0.3, seed: 7 });
    const other = await statuses(120);
    expect(other).not.toEqual(first);
    const count = (list: number[]) => list.filter((s) => s >= 500).length;
    expect(emulator.stats().faults.errors).toBe(2 * count(first) + count(other));
  });

  it("is recovered from by the retry plugin", async () => {
    emulator.setFaults({ errorRate: 0.3 });
    const octokit = resilientOctokit();
    const repo = emulator.world.repositories[1];
    if (!repo) throw new Error("no repository");
    for (let i = 0; i < 15; i++) {
      const { data } = await octokit.repos.get({ owner: repo.owner, repo: repo.name });
      expect(data.name).toBe(repo.name);
    }
    expect(emulator.stats().faults.errors).toBeGreaterThan(0);
  });

  it("never applies to /_emulator routes", async () => {
    emulator.setFaults({ errorRate: 1, latencyMs: 2000 });
    const started = Date.now();
    const response = await fetch(`${emulator.url}/_emulator/stats`);
    expect(response.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(1000);
  });
});

describe("rate-limit faults", () => {
  it("refuses every Nth request with a secondary rate limit that Octokit's throttling understands", async () => {
    emulator.setFaults({ secondaryRateLimitEvery: 3 });
    const result = await statuses(9);
    expect(result).toEqual([200, 200, 403, 200, 200, 403, 200, 200, 403]);
    emulator.setFaults({ secondaryRateLimitEvery: 2 });
    await get("/rate_limit");
    const refused = await get("/rate_limit");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("retry-after")).toBe("1");
    const body = (await refused.json()) as { message: string };
    expect(body.message).toMatch(/\bsecondary rate\b/i);
    emulator.setFaults({ secondaryRateLimitEvery: 4 });
    const octokit = resilientOctokit();
    for (let i = 0; i < 8; i++)
      expect(
        (await octokit.users.getByUsername({ username: emulator.world.accounts[0]?.login ?? "" })).status,
      ).toBe(200);
    expect(emulator.stats().faults.secondaryRateLimits).toBeGreaterThan(0);
  });

  it("exhausts the primary rate limit every Nth request, resetting shortly after", async () => {
    emulator.setFaults({ primaryRateLimit: { every: 2, resetAfterSeconds: 1 } });
    await get("/rate_limit");
    const refused = await get("/rate_limit");
    expect(refused.status).toBe(403);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    const reset = Number(refused.headers.get("x-ratelimit-reset"));
    expect(reset).toBe(Math.floor(Date.parse("2026-06-15T12:00:00Z") / 1000) + 1);
    expect(((await refused.json()) as { message: string }).message).toMatch(
      /^API rate limit exceeded for user ID \d+\.$/,
    );
  });
});

describe("slow and broken responses", () => {
  it("adds latency", async () => {
    emulator.setFaults({ latencyMs: 120 });
    const started = performance.now();
    await (await get("/rate_limit")).arrayBuffer();
    expect(performance.now() - started).toBeGreaterThanOrEqual(115);
  });

  it("cuts bodies short mid-JSON", async () => {
    emulator.setFaults({ truncateRate: 1 });
    const repo = emulator.world.repositories[0];
    const response = await get(`/repos/${repo?.owner}/${repo?.name}`);
    expect(response.status).toBe(200);
    const declared = Number(response.headers.get("content-length"));
    const received = await response.text().then(
      (text) => text.length,
      () => -1,
    );
    expect(received).toBeLessThan(declared);
    expect(emulator.stats().faults.truncated).toBe(1);
  });

  it("answers GraphQL with GitHub's 'Something went wrong' errors, which the retry plugin retries", async () => {
    emulator.setFaults({ graphqlErrorRate: 1 });
    const response = await fetch(emulator.graphqlUrl, {
      method: "POST",
      headers,
      body: JSON.stringify({ query: "{ viewer { login } }" }),
    });
    const body = (await response.json()) as { data: null; errors: { message: string }[] };
    expect(response.status).toBe(200);
    expect(body.data).toBeNull();
    expect(body.errors[0]?.message).toMatch(/^Something went wrong while executing your query/);
    emulator.setFaults({ graphqlErrorRate: 0.4 });
    // Retry only: throttling spaces GraphQL calls a second apart, too slow for a unit test.
    const octokit = new (Octokit.plugin(retry))({
      baseUrl: emulator.apiUrl,
      auth: "ghp_faults",
      retry: { retryAfterBaseValue: 1, retries: 5 },
    });
    for (let i = 0; i < 10; i++) {
      const result = await octokit.graphql<{ viewer: { login: string } }>("{ viewer { login } }");
      expect(result.viewer.login).toBeTruthy();
    }
    expect(emulator.stats().faults.graphqlErrors).toBeGreaterThan(0);
  });
});

describe("control API", () => {
  it("sets faults over HTTP and rejects unknown ones", async () => {
    const ok = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ errorRate: 0.5, latencyMs: 1 }),
    });
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ errorRate: 0.5, latencyMs: 1, truncateRate: 0 });
    const bad = await fetch(`${emulator.url}/_emulator/faults`, {
      method: "POST",
      body: JSON.stringify({ errorRate: 2, typo: true }),
    });
    expect(bad.status).toBe(422);
    const stats = (await (await fetch(`${emulator.url}/_emulator/stats`)).json()) as { requests: number };
    expect(stats.requests).toBe(0);
  });
});
