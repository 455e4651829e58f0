import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./seed/csv";
import { startTestEmulator } from "./test-helpers";
import { CommitLog } from "./world/commit-log";
import { isoSeconds, WEEK_MS } from "./world/dates";
import { generateWorld } from "./world/generate/generate-world";
import { parseWorld, WorldError } from "./world/load-world";
import { WorldIndex } from "./world/world-index";

const now = new Date("2026-06-15T12:00:00Z");

describe("the generated world", () => {
  // CPU time, not wall time: other work on a shared machine does not count against it.
  const started = process.cpuUsage();
  const world = generateWorld({ seed: 1, now });
  const used = process.cpuUsage(started);
  const generationMs = (used.user + used.system) / 1000;

  it("is deterministic: the same seed and day give byte-identical worlds and responses", async () => {
    const small = JSON.stringify(generateWorld({ seed: 1, repositories: 100, now }));
    const laterSameDay = generateWorld({ seed: 1, repositories: 100, now: new Date("2026-06-15T23:59:00Z") });
    expect(JSON.stringify(laterSameDay)).toBe(small);
    expect(JSON.stringify(generateWorld({ seed: 2, repositories: 100, now }))).not.toBe(small);
    const bodies: string[] = [];
    for (let run = 0; run < 2; run++) {
      const emulator = await startTestEmulator({ repositories: 40 });
      const repo = emulator.world.repositories[5];
      const paths = [
        `/repos/${repo?.owner}/${repo?.name}`,
        `/repos/${repo?.owner}/${repo?.name}/commits?per_page=5`,
        "/search/repositories?q=stars:>10&sort=stars",
      ];
      const texts = await Promise.all(
        paths.map((p) =>
          fetch(`${emulator.apiUrl}${p}`, { headers: { authorization: "token ghp_d" } }).then((r) =>
            r.text(),
          ),
        ),
      );
      // URLs carry the port, which differs per run; everything else must be identical.
      bodies.push(texts.join("\n").replaceAll(new URL(emulator.url).host, "HOST"));
      await emulator.close();
    }
    expect(bodies[1]).toBe(bodies[0]);
  });

  it("is generated quickly", () => {
    // About half a second of CPU; the bound leaves room for slower machines and cold JIT.
    expect(generationMs).toBeLessThan(2000);
  });

  it("has hundreds of varied repositories, so every filter has something to filter", () => {
    const repos = world.repositories;
    expect(repos.length).toBe(600);
    const count = (f: (r: (typeof repos)[number]) => boolean) => repos.filter(f).length;
    expect(new Set(repos.map((r) => r.domain))).toEqual(
      new Set(["ai_ml", "web_dev", "data_science", "cloud_devops", "mobile", "security", "games"]),
    );
    for (const language of ["Python", "JavaScript", "TypeScript", "Rust", "Go", "Java", "C", "C++"])
      expect(count((r) => r.language === language)).toBeGreaterThan(5);
    for (const kind of ["library", "application", "documentation", "awesome-list"] as const)
      expect(count((r) => r.kind === kind)).toBeGreaterThan(5);
    expect(count((r) => r.fork)).toBeGreaterThan(5);
    expect(count((r) => r.archived)).toBeGreaterThan(5);
    expect(count((r) => r.stars >= 1000)).toBeGreaterThan(15);
    expect(count((r) => r.stars < 100)).toBeGreaterThan(250);
    expect(
      count((r) => r.files.some((f) => f.path === ".travis.yml" || f.path === ".circleci/config.yml")),
    ).toBeGreaterThan(10);
    expect(count((r) => r.checkSuites.some((s) => s.conclusion === "failure"))).toBeGreaterThan(10);
    expect(count((r) => r.checkSuites.length === 0)).toBeGreaterThan(30);
    const packages = repos.flatMap((r) => r.packages);
    expect(packages.filter((p) => p.dependents === null).length).toBeGreaterThan(10);
    const labels = new Set(repos.flatMap((r) => r.issues.flatMap((i) => i.labels)));
    for (const label of ["type: bug", "kind/feature", "C-bug", "good first issue"])
      expect(labels).toContain(label);
    expect(
      repos.some((r) => r.issues.some((i) => i.assignees.length > 0 && i.linkedPullRequests.length > 0)),
    ).toBe(true);
    expect(world.accounts.filter((a) => a.type === "Organization").length).toBeGreaterThan(20);
    const index = new WorldIndex(world);
    const prolific = world.accounts
      .filter((a) => a.type === "User")
      .map((a) => index.repositoriesOf(a.login).length);
    expect(Math.max(...prolific)).toBeGreaterThanOrEqual(10);
  });

  it("passes its own schema and integrity checks", () => {
    expect(() =>
      parseWorld(JSON.parse(JSON.stringify(generateWorld({ seed: 4, repositories: 150, now })))),
    ).not.toThrow();
  });
});

describe("world validation", () => {
  const small = generateWorld({ seed: 3, repositories: 5, now });

  it("lists schema problems by path", () => {
    const broken = JSON.parse(JSON.stringify(small));
    broken.repositories[1].stars = -4;
    broken.repositories[2].owner = "bad login!";
    delete broken.repositories[3].commits;
    expect(() => parseWorld(broken, "broken.json")).toThrow(WorldError);
    try {
      parseWorld(broken, "broken.json");
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toContain("broken.json is not a valid emulator world");
      expect(message).toContain("repositories[1].stars");
      expect(message).toContain("repositories[2].owner");
      expect(message).toContain("repositories[3].commits");
    }
  });

  it("lists integrity problems: duplicates and dangling links", () => {
    const broken = JSON.parse(JSON.stringify(small));
    broken.repositories.push({ ...broken.repositories[0], id: 1 });
    broken.repositories[1].pulls = [];
    broken.repositories[1].issues = [
      {
        number: 1,
        title: "t",
        body: null,
        state: "open",
        stateReason: null,
        author: "someone",
        labels: [],
        assignees: [],
        comments: 0,
        locked: false,
        createdAt: "2026-01-01T00:00:00Z",
        updatedAt: "2026-01-01T00:00:00Z",
        closedAt: null,
        linkedPullRequests: [7],
      },
    ];
    expect(() => parseWorld(broken)).toThrow(/repository appears twice/);
    expect(() => parseWorld(broken)).toThrow(/issue #1 links pull #7, which does not exist/);
  });
});

describe("the commit log", () => {
  it("gives strictly older commits as the index grows, and counts agree with times", () => {
    const anchor = Date.parse("2026-06-15T00:00:00Z");
    const log = new CommitLog("repo", [3, 0, 5, 1, 0, 0, 7], anchor);
    expect(log.total).toBe(16);
    const times = Array.from({ length: log.total }, (_, i) => log.timeOf(i));
    expect(times.every((t, i) => i === 0 || t < (times[i - 1] ?? 0))).toBe(true);
    expect(times[0]).toBeLessThanOrEqual(anchor);
    for (const since of [anchor - WEEK_MS, anchor - 3.5 * WEEK_MS, times[4] ?? 0, (times[4] ?? 0) + 1]) {
      expect(log.count(since)).toBe(times.filter((t) => t >= since).length);
    }
    const until = times[2] ?? 0;
    expect(log.range(undefined, until)).toEqual([2, 16]);
  });

  it("formats timestamps like GitHub", () => {
    expect(isoSeconds(Date.parse("2017-10-10T16:00:00.999Z"))).toBe("2017-10-10T16:00:00Z");
    expect(isoSeconds(Date.parse("2000-02-29T23:59:59Z"))).toBe("2000-02-29T23:59:59Z");
  });
});

describe("CSV (RFC 4180)", () => {
  it("handles quotes, doubled quotes, commas and line breaks inside fields, CRLF and a BOM", () => {
    const text = '\ufeffrepo,title,body\r\na/b,"Say ""hi""","line 1\nline 2, with comma"\r\nc/d,plain,\n';
    expect(parseCsv(text)).toEqual([
      ["repo", "title", "body"],
      ["a/b", 'Say "hi"', "line 1\nline 2, with comma"],
      ["c/d", "plain", ""],
    ]);
    expect(parseCsvRecords(text)[0]).toEqual({
      repo: "a/b",
      title: 'Say "hi"',
      body: "line 1\nline 2, with comma",
    });
    expect(() => parseCsv('a,"open')).toThrow(/quoted/);
  });
});
