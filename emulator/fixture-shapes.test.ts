import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { haveSharedData, sharedDataFile } from "../test/shared-data";
import type { GitHubEmulator } from "./start-emulator";
import { busiestRepository, octokitFor, startTestEmulator } from "./test-helpers";

/**
 * The emulator's REST bodies and headers against GitHub's recorded ones (octokit/fixtures) and
 * GitHub's OpenAPI description: every key GitHub sends must be there (the emulator may send the
 * newer keys GitHub has added since).
 */
interface Exchange {
  method: string;
  path: string;
  status: number;
  response: unknown;
  headers: Record<string, unknown>;
}

const fixture = (name: string): Exchange[] =>
  JSON.parse(readFileSync(sharedDataFile(`github-fixtures/octokit/${name}.json`), "utf8"));
const keys = (value: unknown) => Object.keys(value as Record<string, unknown>).sort();
const missing = (expected: string[], actual: unknown) => expected.filter((k) => !keys(actual).includes(k));

describe.runIf(
  haveSharedData(
    "github-fixtures/octokit/get-repository.json",
    "REST shapes against recorded GitHub fixtures",
  ),
)("REST shapes match GitHub's", () => {
  let emulator: GitHubEmulator;
  let openapi: { components: { schemas: Record<string, { required?: string[] }> } };

  beforeAll(async () => {
    emulator = await startTestEmulator({ repositories: 120 });
    openapi = JSON.parse(
      readFileSync(sharedDataFile("github-fixtures/rest/api.github.com.2020.json"), "utf8"),
    );
  });
  afterAll(() => emulator.close());

  const required = (schema: string) => openapi.components.schemas[schema]?.required ?? [];

  it("get-repository: the same keys, owner and organization included", async () => {
    const recorded = fixture("get-repository")[0];
    const repo = emulator.world.repositories.find(
      (r) => emulator.index.account(r.owner)?.type === "Organization",
    );
    if (!recorded || !repo) throw new Error("missing fixture or organization repository");
    const { data, headers } = await octokitFor(emulator).repos.get({ owner: repo.owner, repo: repo.name });
    expect(missing(keys(recorded.response), data)).toEqual([]);
    const response = recorded.response as Record<string, unknown>;
    expect(keys(data.owner)).toEqual(keys(response.owner));
    expect(missing(required("full-repository"), data)).toEqual([]);
    const headerNames = [
      "etag",
      "last-modified",
      "x-github-media-type",
      "x-github-request-id",
      "x-ratelimit-limit",
      "x-ratelimit-remaining",
      "x-ratelimit-reset",
      "x-ratelimit-resource",
      "x-ratelimit-used",
      "access-control-expose-headers",
      "cache-control",
      "content-type",
    ];
    for (const name of headerNames) {
      expect(Object.keys(recorded.headers)).toContain(name);
      expect(headers).toHaveProperty(name);
    }
    expect(headers["access-control-expose-headers"]).toBe(recorded.headers["access-control-expose-headers"]);
    expect(headers["content-type"]).toBe(recorded.headers["content-type"]);
  });

  it("paginate-issues: issue keys, and Link rels in GitHub's order", async () => {
    const pages = fixture("paginate-issues");
    const recordedIssue = (pages[0]?.response as unknown[] | undefined)?.[0];
    const repo = busiestRepository(emulator);
    const { data, headers } = await octokitFor(emulator).issues.listForRepo({
      owner: repo.owner,
      repo: repo.name,
      state: "all",
      per_page: 30,
      page: 2,
    });
    const plainIssue = data.find((i) => !i.pull_request);
    expect(missing(keys(recordedIssue), plainIssue)).toEqual([]);
    expect(missing(required("issue"), plainIssue)).toEqual([]);
    const rels = (link: unknown) => [...String(link).matchAll(/rel="(\w+)"/g)].map((m) => m[1]);
    expect(rels(headers.link)).toEqual(rels(pages[1]?.headers.link));
    expect(String(headers.link)).toMatch(/\/repositories\/\d+\/issues\?/);
  });

  it("search results: the envelope of search-issues and the keys of repo-search-result-item", async () => {
    const recorded = fixture("search-issues")[0]?.response as { items: unknown[] };
    const repo = busiestRepository(emulator);
    const issues = await octokitFor(emulator).search.issuesAndPullRequests({
      q: `repo:${repo.owner}/${repo.name} is:issue`,
    });
    expect(keys(issues.data)).toEqual(keys(recorded));
    expect(
      missing(
        keys(recorded.items[0]).filter((k) => k !== "repository"),
        issues.data.items[0],
      ),
    ).toEqual([]);
    const repos = await octokitFor(emulator).search.repos({ q: "is:public" });
    expect(missing(required("repo-search-result-item"), repos.data.items[0])).toEqual([]);
  });

  it("errors: 404 and 422 bodies have GitHub's keys", async () => {
    const notFound = fixture("branch-protection").find((e) => e.status === 404)?.response;
    const invalid = fixture("errors").find((e) => e.status === 422)?.response;
    const ours404 = await fetch(`${emulator.apiUrl}/repos/nobody/nothing`).then((r) => r.json());
    const ours422 = await fetch(`${emulator.apiUrl}/search/repositories?q=`, {
      headers: { authorization: "token ghp_x" },
    }).then((r) => r.json());
    expect(keys(ours404)).toEqual(keys(notFound));
    expect(keys(ours422)).toEqual(keys(invalid));
  });

  it("rate_limit: resources and rate as in GitHub's example", async () => {
    const { data } = await octokitFor(emulator).rateLimit.get();
    expect(keys(data)).toEqual(["rate", "resources"]);
    for (const resource of ["core", "search", "graphql", "integration_manifest"] as const) {
      expect(missing(["limit", "remaining", "reset"], data.resources[resource])).toEqual([]);
    }
  });
});
