import type { RequestError } from "@octokit/request-error";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseQuery, parseRange } from "./search/parse-query";
import type { GitHubEmulator } from "./start-emulator";
import { octokitFor, startTestEmulator } from "./test-helpers";

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ repositories: 400 });
});
afterAll(() => emulator.close());

async function search(q: string, extra: Record<string, string | number> = {}) {
  const { data, headers } = await octokitFor(emulator).search.repos({ q, per_page: 100, ...extra });
  return { ...data, headers };
}

describe("search query syntax", () => {
  it("parses qualifiers, negations, quotes and OR", () => {
    const known = new Set(["language", "stars"]);
    const parsed = parseQuery('"web framework" fast OR quick -language:go stars:>=10 NOT slow', known);
    expect(parsed.qualifiers).toEqual([
      { key: "language", value: "go", negated: true },
      { key: "stars", value: ">=10", negated: false },
    ]);
    expect(parsed.text).toEqual([
      { terms: ["web framework"], negated: false },
      { terms: ["fast", "quick"], negated: false },
      { terms: ["slow"], negated: true },
    ]);
    expect(parseRange("10..20")).toMatchObject({ min: 10, max: 20 });
    expect(parseRange(">5")).toMatchObject({ min: 5, minInclusive: false });
    expect(parseRange("*..7")).toMatchObject({ max: 7 });
    expect(parseRange("abc")).toBeNull();
  });
});

describe("GET /search/repositories", () => {
  it("filters by language, star ranges and sorts by stars", async () => {
    const result = await search("language:python stars:>=50", { sort: "stars", order: "desc" });
    const expected = emulator.world.repositories.filter(
      (r) => r.language === "Python" && r.stars >= 50 && !r.fork,
    );
    expect(result.total_count).toBe(expected.length);
    expect(result.items.every((i) => i.language === "Python" && i.stargazers_count >= 50)).toBe(true);
    const stars = result.items.map((i) => i.stargazers_count);
    expect(stars).toEqual(stars.slice().sort((a, b) => b - a));
    const ranged = await search("stars:10..40");
    expect(ranged.items.every((i) => i.stargazers_count >= 10 && i.stargazers_count <= 40)).toBe(true);
    const strict = await search("stars:>100 forks:>=5");
    expect(strict.items.every((i) => i.stargazers_count > 100 && i.forks_count >= 5)).toBe(true);
  });

  it("leaves forks out unless asked, and filters archived, topic and owner", async () => {
    const forks = emulator.world.repositories.filter((r) => r.fork).length;
    expect(forks).toBeGreaterThan(0);
    const only = await search("fork:only");
    expect(only.total_count).toBe(forks);
    const all = await search("fork:true");
    const none = await search("is:public");
    expect(all.total_count).toBe(emulator.world.repositories.length);
    expect(none.total_count).toBe(emulator.world.repositories.length - forks);
    const archived = await search("archived:true");
    expect(archived.items.every((i) => i.archived)).toBe(true);
    expect(archived.total_count).toBe(
      emulator.world.repositories.filter((r) => r.archived && !r.fork).length,
    );
    const topic = emulator.world.repositories.find((r) => r.topics.length > 0 && !r.fork)?.topics[0] ?? "";
    const byTopic = await search(`topic:${topic}`);
    expect(byTopic.items.every((i) => i.topics?.includes(topic))).toBe(true);
    const owner = emulator.world.repositories[0]?.owner ?? "";
    const byOwner = await search(`user:${owner}`);
    expect(byOwner.items.every((i) => i.owner?.login === owner)).toBe(true);
    expect(byOwner.total_count).toBeGreaterThan(0);
  });

  it("matches free words in name, description, topics and README", async () => {
    const result = await search("machine learning");
    expect(result.total_count).toBeGreaterThan(5);
    const inName = await search("awesome in:name");
    expect(inName.items.every((i) => i.name.includes("awesome"))).toBe(true);
    const none = await search("zzzqqqxxx");
    expect(none.total_count).toBe(0);
    expect(none.incomplete_results).toBe(false);
  });

  it("pages with Link headers and refuses beyond the first 1,000 results", async () => {
    const first = await search("is:public", { per_page: 10 });
    expect(first.headers.link).toContain('rel="next"');
    expect(first.headers["x-ratelimit-resource"]).toBe("search");
    expect(first.headers["x-ratelimit-limit"]).toBe("30");
    const error = await octokitFor(emulator)
      .search.repos({ q: "is:public", per_page: 100, page: 11 })
      .catch((e: RequestError) => e);
    expect((error as RequestError).status).toBe(422);
    expect((error as RequestError).response?.data).toMatchObject({
      message: "Only the first 1000 search results are available",
    });
    const missing = await octokitFor(emulator)
      .search.repos({ q: "" })
      .catch((e: RequestError) => e);
    expect((missing as RequestError).status).toBe(422);
  });
});

describe("GET /search/issues", () => {
  it("finds issues of one repository by state and label", async () => {
    const repo = emulator.world.repositories.find((r) =>
      r.issues.some((i) => i.labels.length > 0 && i.state === "open"),
    );
    const label = repo?.issues.find((i) => i.labels.length > 0 && i.state === "open")?.labels[0];
    if (!repo || !label) throw new Error("no labelled open issue");
    const { data } = await octokitFor(emulator).search.issuesAndPullRequests({
      q: `repo:${repo.owner}/${repo.name} is:issue is:open label:"${label}"`,
      per_page: 100,
    });
    expect(data.total_count).toBe(
      repo.issues.filter((i) => i.state === "open" && i.labels.includes(label)).length,
    );
  });
});
