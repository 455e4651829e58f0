import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import {
  type ScriptedModelServer,
  scriptedModelSettings,
  startScriptedModelServer,
} from "../../test/model-server/scripted-model-server.mock";
import { createModelIssueClassifier } from "../ai/issue-classifier";
import { classifyIssue } from "../classify/classify-issue";
import { computeIssueFeatures } from "../prioritize/compute-features";
import { createCategorizer } from "./categorizer";

interface IssueFields {
  title: string;
  body?: string;
  labels?: string[];
}

// A repository whose feature requests all say "zorblax": a word the shipped classifier never saw.
const zorblax = (part: string, labels: string[] = []) => ({
  title: `Zorblax for the ${part}`,
  body: `Zorblax again, for the ${part}.`,
  labels,
});
const crash = (part: string) => ({
  title: `The ${part} crashes on empty input`,
  body: `Segfault in the ${part} when the input is empty.`,
  labels: ["bug"],
});
const parts = ["parser", "exporter", "scheduler", "importer"];
const target = zorblax("settings panel");

describe.each(availableServers())("categorizing stored issues on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  let server: ScriptedModelServer;
  let number = 0;

  beforeAll(async () => {
    test = await freshDatabase(kind);
    server = await startScriptedModelServer(() => ({
      content: JSON.stringify({
        category: "refactor",
        severity: "low",
        confidence: 0.8,
        reason: "internal settings cleanup",
      }),
    }));
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });
  beforeEach(async () => {
    await test.db
      .$client`truncate repositories, budget_entries, budget_counters, events restart identity cascade`;
    server.requests.length = 0;
  });

  async function repository(
    fullName: string,
    issues: IssueFields[],
  ): Promise<{ id: number; issues: number[] }> {
    const [row] = await test.db
      .$client`insert into repositories (full_name) values (${fullName}) returning id`;
    const id = Number(row!.id);
    const ids: number[] = [];
    for (const issue of issues) {
      const [inserted] = await test.db.$client`
        insert into issues (repository_id, number, title, body, labels, github_updated_at)
        values (${id}, ${++number}, ${issue.title}, ${issue.body ?? ""}, ${issue.labels ?? []}::text[],
          '2025-03-01T10:00:00Z')
        returning id`;
      ids.push(Number(inserted!.id));
    }
    return { id, issues: ids };
  }
  // Four labelled feature requests that say "zorblax", four labelled crashes, and the unlabelled target.
  const learningRepository = () =>
    repository("acme/learns", [
      ...parts.map((part) => zorblax(part, ["enhancement"])),
      ...parts.map(crash),
      target,
    ]);
  const input = (repositoryId: number, id: number, issue: IssueFields) => ({
    id,
    repositoryId,
    title: issue.title,
    body: issue.body ?? "",
    labels: issue.labels ?? [],
    updatedAt: new Date("2025-03-01T10:00:00Z"),
  });
  const stored = (id: number) => test.db.$client`
    select category, category_source, feature_reasons->>'category' as reason from issues where id = ${id}`;

  it("lets a repository's labelled issues teach its unlabelled ones", async () => {
    const repo = await learningRepository();
    // The shipped classifier alone reads the target as something else.
    expect(classifyIssue(target).category).not.toBe("feature");
    const categorize = createCategorizer(test.db);
    const [verdict] = await categorize([input(repo.id, repo.issues.at(-1)!, target)]);
    expect(verdict).toMatchObject({ category: "feature", source: "text" });
    expect(verdict!.confidence).toBeGreaterThan(0.9);
  });

  it("keeps adapted classifiers for the repositories it saw last, up to the cache size", async () => {
    const learns = await learningRepository();
    const other = await repository("acme/other", [{ title: "Add dark mode support" }]);
    const categorize = createCategorizer(test.db, { cachedRepositories: 1 });
    const ask = async () =>
      (await categorize([input(learns.id, learns.issues.at(-1)!, target)]))[0]!.category;
    expect(await ask()).toBe("feature");
    // The repository's examples are gone, but its adapted classifier is still in memory…
    await test.db.$client`delete from issues where repository_id = ${learns.id} and cardinality(labels) > 0`;
    expect(await ask()).toBe("feature");
    // …until another repository takes its place, after which it is learned again from the store.
    await categorize([input(other.id, other.issues[0]!, { title: "Add dark mode support" })]);
    expect(await ask()).toBe(classifyIssue(target).category);
  });

  it("asks the model only about unlabelled issues the text classifier is unsure of, once per issue version", async () => {
    const vague = { title: "Settings panel" };
    const confident = { title: "Add dark mode support" };
    const labelled = { title: "Settings panel", labels: ["bug"] };
    expect(classifyIssue(vague).confidence).toBeLessThan(0.6);
    expect(classifyIssue(confident).confidence).toBeGreaterThanOrEqual(0.6);
    const repo = await repository("acme/plain", [vague, confident, labelled]);
    const [vagueId, confidentId, labelledId] = repo.issues as [number, number, number];
    const categorize = () =>
      createCategorizer(test.db, {
        modelBelowConfidence: 0.6,
        model: createModelIssueClassifier({
          db: test.db,
          settings: scriptedModelSettings(server),
          settingsValues: async () => ({}),
          callTimeoutMs: 10_000,
        }),
      });

    await computeIssueFeatures(test.db, { categorize: categorize() });
    expect(server.requests).toHaveLength(1);
    expect(JSON.stringify(server.requests[0]!.messages)).toContain("Title: Settings panel\\nLabels: (none)");
    expect(await stored(vagueId)).toEqual([
      { category: "refactor", category_source: "llm", reason: "internal settings cleanup" },
    ]);
    expect((await stored(confidentId))[0]).toMatchObject({ category: "feature", category_source: "text" });
    expect((await stored(labelledId))[0]).toMatchObject({ category: "bug", category_source: "labels" });
    const [spent] = await test.db.$client`select repository_id from budget_entries`;
    expect(Number(spent!.repository_id)).toBe(repo.id);

    // Measured again (a triage change), unchanged on GitHub: the stored verdict is used.
    await computeIssueFeatures(test.db, { categorize: categorize(), issueIds: repo.issues });
    expect(server.requests).toHaveLength(1);
    expect((await stored(vagueId))[0]).toMatchObject({ category: "refactor", category_source: "llm" });

    // Edited on GitHub: asked again.
    await test.db
      .$client`update issues set github_updated_at = now() + interval '1 second' where id = ${vagueId}`;
    await computeIssueFeatures(test.db, { categorize: categorize() });
    expect(server.requests).toHaveLength(2);
  });
});
