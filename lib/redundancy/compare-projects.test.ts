import { describe, expect, it } from "vitest";
import { compareProjects } from "./compare-projects";
import {
  asyncHttpClientReadme,
  goHttpClientReadme,
  httpClientForkReadme,
  httpClientReadme,
  testRunnerReadme,
} from "./fixtures/readmes";
import { combineSignals } from "./similarity";

const fetchy = {
  name: "acme/fetchy",
  description: "Python HTTP for Humans.",
  readme: httpClientReadme,
  language: "Python",
  stars: 50_000,
  topics: ["http", "python", "client"],
};
const swoosh = {
  name: "encode/swoosh",
  description: "A next generation HTTP client for Python.",
  readme: asyncHttpClientReadme,
  language: "Python",
  stars: 12_000,
  topics: ["http", "async", "python"],
};
const checkmate = {
  name: "acme/checkmate",
  description: "Simple powerful testing with Python",
  readme: testRunnerReadme,
  language: "Python",
  stars: 11_000,
  topics: ["testing", "python"],
};
const fork = {
  name: "someone/fetchy2",
  description: fetchy.description,
  readme: httpClientForkReadme,
  stars: 40,
};
const gofetch = {
  name: "acme/gofetch",
  description: "Simple HTTP client for Go",
  readme: goHttpClientReadme,
  language: "Go",
  stars: 900,
};

function pair(projects: Parameters<typeof compareProjects>[0], a: string, b: string) {
  const found = compareProjects(projects).find((p) => p.a === a && p.b === b);
  if (!found) throw new Error(`no pair ${a} / ${b}`);
  return found;
}

describe("compareProjects", () => {
  const all = [fetchy, swoosh, checkmate, fork, gofetch];

  it("returns every pair once, in input order, with the documented fields", () => {
    const pairs = compareProjects(all);
    expect(pairs).toHaveLength(10);
    expect(pairs[0]).toMatchObject({ a: "acme/fetchy", b: "encode/swoosh" });
    for (const p of pairs) {
      expect(p.similarity).toBeGreaterThanOrEqual(0);
      expect(p.similarity).toBeLessThanOrEqual(1);
      expect(typeof p.redundant).toBe("boolean");
      expect(["deprecate-the-weaker", "consolidate", "collaborate", "keep-both"]).toContain(p.recommendation);
      expect(p.reason.length).toBeGreaterThan(10);
    }
  });

  it("scores a renamed fork near 1, two clients of one protocol high, a client and a test runner low", () => {
    const forkPair = pair(all, "acme/fetchy", "someone/fetchy2");
    const clients = pair(all, "acme/fetchy", "encode/swoosh");
    const unrelated = pair(all, "acme/fetchy", "acme/checkmate");
    expect(forkPair.similarity).toBeGreaterThan(0.9);
    expect(clients.similarity).toBeGreaterThan(0.7);
    expect(unrelated.similarity).toBeLessThan(0.45);
    expect(forkPair.similarity).toBeGreaterThan(clients.similarity);
    expect(clients.shared.concepts).toContain("http");
  });

  it("recommends from strength and language", () => {
    const forkPair = pair(all, "acme/fetchy", "someone/fetchy2");
    expect(forkPair.recommendation).toBe("deprecate-the-weaker");
    expect(forkPair.stronger).toBe("acme/fetchy");
    expect(forkPair.reason).toMatch(/50,000 vs 40 stars/);
    expect(pair(all, "acme/fetchy", "acme/gofetch").recommendation).toBe("collaborate");
    expect(pair(all, "acme/fetchy", "acme/checkmate").recommendation).toBe("keep-both");
  });

  it("applies the threshold: the same pair is redundant at 0.5 and not at 0.95", () => {
    expect(pair(all, "acme/fetchy", "encode/swoosh").redundant).toBe(true);
    const strict = compareProjects([fetchy, swoosh], { threshold: 0.95 })[0]!;
    expect(strict).toMatchObject({ redundant: false, recommendation: "keep-both" });
  });

  it("compares projects known only by name and a one-line description", () => {
    const [p] = compareProjects([
      { name: "pytest", description: "A mature full-featured Python testing tool." },
      {
        name: "nose2",
        description: "The successor to nose, based on unittest2 — test discovery and running.",
      },
    ]);
    expect(p!.similarity).toBeGreaterThan(0.3);
    expect(p!.signals.topics).toBeNull();
  });

  it("rejects a threshold outside 0..1 and fewer than two projects", () => {
    expect(() => compareProjects([fetchy, swoosh], { threshold: 1.2 })).toThrow(/between 0 and 1/);
    expect(() => compareProjects([fetchy])).toThrow(/at least two/);
  });
});

describe("combineSignals", () => {
  it("lets text decide alone, caps what concepts, topics and name can say, and reinforces agreement", () => {
    expect(combineSignals({ text: 1, concepts: 0, name: 0, topics: null })).toBe(1);
    expect(combineSignals({ text: 0, concepts: 1, name: 0, topics: null })).toBe(0.6);
    expect(combineSignals({ text: 0, concepts: 1, name: 1, topics: 1 })).toBeLessThan(0.8);
    expect(combineSignals({ text: 0.4, concepts: 0.9, name: 0, topics: null })).toBeCloseTo(0.724, 3);
    expect(combineSignals({ text: 0, concepts: 0, name: 0, topics: null })).toBe(0);
  });
});
