import { describe, expect, it } from "vitest";
import { findDuplicateIssues, type IssueText } from "./duplicate-issues";
import { issueVectors } from "./issue-vectors";
import { dot } from "./sparse-vector";

const issues: IssueText[] = [
  {
    id: 1,
    repository: "acme/fetchy",
    title: "Timeout is ignored when the proxy is unreachable",
    body: "<!-- Please fill in the template -->\n### Steps to reproduce\nSet `timeout=5` and a proxy that does not answer. The request hangs forever instead of raising `ConnectTimeout`.\n### Expected behavior\nA timeout error after 5 seconds.",
  },
  {
    id: 2,
    repository: "acme/fetchy",
    title: "Support for HTTP/3",
    body: "### Steps to reproduce\nn/a\n### Expected behavior\nIt would be nice to speak HTTP/3 (QUIC) to servers that offer it.",
  },
  {
    id: 3,
    repository: "acme/fetchy",
    title: "Request hangs forever with unreachable proxy despite timeout",
    body: "### Steps to reproduce\nWith a proxy that never answers, timeout=5 is ignored and the request hangs; no ConnectTimeout is raised.\n### Expected behavior\nRaise after the timeout.",
  },
  {
    id: 4,
    repository: "encode/swoosh",
    title: "Timeout ignored when proxy is unreachable, request hangs",
    body: "Setting timeout has no effect when the proxy does not answer: the request hangs forever.",
  },
  {
    id: 5,
    repository: "other/unrelated",
    title: "Timeout ignored when proxy is unreachable, request hangs",
    body: "Same words, but in a project that does something else entirely.",
  },
  { id: 6, repository: "acme/fetchy", title: "Typo in README", body: "'recieve' should be 'receive'." },
];

describe("findDuplicateIssues", () => {
  it("finds the same problem reported twice in one repository, and nothing else", () => {
    const pairs = findDuplicateIssues(issues);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([[1, 3]]);
    expect(pairs[0]!.similarity).toBeGreaterThanOrEqual(0.5);
    expect(pairs[0]).toMatchObject({ repositoryA: "acme/fetchy", repositoryB: "acme/fetchy" });
  });

  it("looks across repositories only when they are redundant (or when asked to look everywhere)", () => {
    const across = findDuplicateIssues(issues, { redundantRepositories: [["ACME/fetchy", "encode/swoosh"]] });
    const ids = across.map((p) => `${p.a}-${p.b}`);
    expect(ids).toContain("1-3");
    expect(ids).toContain("1-4");
    expect(ids.some((id) => id.includes("5"))).toBe(false);
    const everywhere = findDuplicateIssues(issues, { acrossAllRepositories: true });
    expect(everywhere.some((p) => p.a === 4 && p.b === 5)).toBe(true);
  });

  it("orders pairs most similar first and honours the threshold", () => {
    const loose = findDuplicateIssues(issues, { acrossAllRepositories: true, threshold: 0.2 });
    const similarities = loose.map((p) => p.similarity);
    expect(similarities).toEqual([...similarities].sort((x, y) => y - x));
    expect(similarities.every((s) => s >= 0.2)).toBe(true);
    expect(findDuplicateIssues(issues, { threshold: 0.99 })).toEqual([]);
    expect(() => findDuplicateIssues(issues, { threshold: 2 })).toThrow(/between 0 and 1/);
  });

  it("finds exactly the pairs an all-pairs comparison finds (the candidate filter loses nothing)", () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 48271) % 2147483647;
      return seed / 2147483647;
    };
    const words =
      "crash hang timeout proxy error build windows linux install import module memory leak slow parser json yaml unicode encoding docs typo button render".split(
        " ",
      );
    const sentence = (length: number) =>
      Array.from({ length }, () => words[Math.floor(next() * words.length)]).join(" ");
    const random: IssueText[] = Array.from({ length: 300 }, (_, id) => ({
      id,
      repository: `o/r${id % 3}`,
      title: sentence(3 + Math.floor(next() * 4)),
      body: sentence(Math.floor(next() * 12)),
    }));
    const vectors = issueVectors(random);
    for (const threshold of [0.3, 0.5, 0.8]) {
      const expected = new Set<string>();
      for (let i = 0; i < random.length; i++)
        for (let j = i + 1; j < random.length; j++) {
          if (random[i]!.repository !== random[j]!.repository) continue;
          const similarity = Math.round(Math.min(1, dot(vectors[i]!, vectors[j]!)) * 10_000) / 10_000;
          if (similarity >= threshold && similarity > 0) expected.add(`${i}:${j}`);
        }
      const found = new Set(findDuplicateIssues(random, { threshold }).map((p) => `${p.a}:${p.b}`));
      expect(expected.size).toBeGreaterThan(0);
      expect(found).toEqual(expected);
    }
  });
});
