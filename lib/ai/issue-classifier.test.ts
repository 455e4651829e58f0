import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import {
  type ScriptedModelServer,
  type ScriptedReply,
  scriptedModelSettings,
  startScriptedModelServer,
} from "../../test/model-server/scripted-model-server.mock";
import { classifyIssue } from "../classify/classify-issue";
import type { ModelIssueInput } from "../classify/model-step";
import { createLogger } from "../logger";
import { configuredIssueClassifier, createModelIssueClassifier } from "./issue-classifier";

const prices = { "scripted-1": { input_per_mtok: 2, output_per_mtok: 8 } };
const answer = (fields: Record<string, unknown>): ScriptedReply => ({
  content: JSON.stringify({
    category: "performance",
    severity: "high",
    confidence: 0.9,
    reason: "slow",
    ...fields,
  }),
  promptTokens: 300,
  completionTokens: 30,
});

describe.each(availableServers())("the model step of categorization on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  let server: ScriptedModelServer;
  let reply: () => ScriptedReply;
  let values: Record<string, unknown>;
  let repositoryId: number;
  let issueId: number;
  const logLines: string[] = [];
  const log = createLogger("test", "warn", (line) => logLines.push(line));

  beforeAll(async () => {
    test = await freshDatabase(kind);
    server = await startScriptedModelServer(() => reply());
    const [repository] = await test.db.$client`
      insert into repositories (full_name, language) values ('acme/db', 'Go') returning id`;
    repositoryId = Number(repository!.id);
    const [row] = await test.db.$client`
      insert into issues (repository_id, number, title) values (${repositoryId}, 1, 'Queries got slow') returning id`;
    issueId = Number(row!.id);
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });
  beforeEach(async () => {
    await test.db
      .$client`truncate budget_entries, budget_counters, issue_model_verdicts, events restart identity`;
    server.requests.length = 0;
    logLines.length = 0;
    reply = () => answer({});
    values = { "model.prices": prices, "model.max_output_tokens": 8192, "budget.overall.cost_usd": 1 };
  });

  const classifier = () =>
    createModelIssueClassifier({
      db: test.db,
      settings: scriptedModelSettings(server),
      settingsValues: async () => values,
      callTimeoutMs: 10_000,
      log,
    });
  const issue = (updatedAt = new Date("2025-03-01T10:00:00Z")): ModelIssueInput => ({
    id: issueId,
    repositoryId,
    updatedAt,
    title: "Queries got slow",
    body: `Since 2.3 every list query takes seconds.\n<!-- template: please describe -->\n${"log line ".repeat(2000)}`,
    labels: ["needs-triage"],
  });
  const offline = (input: ModelIssueInput) => classifyIssue(input);
  const ask = (model: ReturnType<typeof classifier>, input = issue()) =>
    model.classify(input, offline(input));
  const counters = () => test.db.$client`
    select scope, used_cost_usd::float8 as used, reserved_cost_usd::float8 as reserved, calls::int
    from budget_counters order by scope`;
  const cachedRows = () =>
    test.db
      .$client`select (extract(epoch from issue_updated_at) * 1000)::float8 as version, model, category, reason
      from issue_model_verdicts`;

  it("asks for a structured verdict about the issue, charges the repository's budget and keeps the answer", async () => {
    const verdict = await ask(classifier());
    expect(verdict).toEqual({ category: "performance", severity: "high", confidence: 0.9, reason: "slow" });
    expect(server.requests).toHaveLength(1);
    const request = server.requests[0]!;
    expect(request.responseFormat).toEqual({ type: "json_object" });
    // Small answers reserve small: the output cap is the classifier's, not model.max_output_tokens.
    expect(request.maxTokens).toBe(400);
    const prompt = JSON.stringify(request.messages);
    expect(prompt).toContain("Title: Queries got slow");
    expect(prompt).toContain("Labels: needs-triage");
    expect(prompt).toContain("Offline guess:");
    expect(prompt).not.toContain("template: please describe");
    expect(prompt).toMatch(/more characters\]/);
    expect(await counters()).toEqual([
      { scope: "overall", used: (300 * 2 + 30 * 8) / 1e6, reserved: 0, calls: 1 },
      { scope: `repository:${repositoryId}`, used: (300 * 2 + 30 * 8) / 1e6, reserved: 0, calls: 1 },
      { scope: "weekly", used: (300 * 2 + 30 * 8) / 1e6, reserved: 0, calls: 1 },
    ]);
    expect(await cachedRows()).toEqual([
      {
        version: Date.parse("2025-03-01T10:00:00Z"),
        model: "scripted-1",
        category: "performance",
        reason: "slow",
      },
    ]);
  });

  it("answers a known issue version from the cache, and asks again once the issue changed", async () => {
    await ask(classifier());
    reply = () => answer({ category: "bug", reason: "regression since 2.3" });
    const again = classifier();
    expect(await ask(again)).toMatchObject({ category: "performance", reason: "slow" });
    expect(server.requests).toHaveLength(1);

    const edited = new Date("2025-03-02T08:00:00Z");
    expect(await ask(again, issue(edited))).toMatchObject({
      category: "bug",
      reason: "regression since 2.3",
    });
    expect(server.requests).toHaveLength(2);
    // The older version's verdict is not kept.
    expect(await cachedRows()).toEqual([
      expect.objectContaining({ version: edited.getTime(), category: "bug" }),
    ]);
  });

  it("declines without a request or a charge when the budget refuses, saying so once per budget", async () => {
    values["budget.overall.cost_usd"] = 0.000001;
    const model = classifier();
    expect(await ask(model)).toBeUndefined();
    expect(await ask(model, issue(new Date("2025-03-05T00:00:00Z")))).toBeUndefined();
    expect(server.requests).toHaveLength(0);
    expect((await counters()).every((row) => row.used === 0 && row.reserved === 0 && row.calls === 0)).toBe(
      true,
    );
    expect(await cachedRows()).toHaveLength(0);
    expect(logLines).toHaveLength(1);
    expect(logLines[0]).toMatch(/declined issue \d+: Budget limit reached for overall/);
  });

  it("declines a malformed or out-of-schema answer and caches nothing", async () => {
    const model = classifier();
    reply = () => ({ content: "I think it is a performance problem." });
    expect(await ask(model)).toBeUndefined();
    reply = () => answer({ category: "slowness" });
    expect(await ask(model)).toBeUndefined();
    reply = () => answer({ confidence: 7 });
    expect(await ask(model)).toBeUndefined();
    expect(server.requests).toHaveLength(3);
    expect(await cachedRows()).toHaveLength(0);
    expect(logLines.filter((line) => line.includes("is not a valid verdict"))).toHaveLength(3);
    // The calls were made, so they are paid for.
    expect((await counters())[0]!.calls).toBe(3);
  });

  it("declines when the provider fails, and stops asking after three failures in a row", async () => {
    reply = () => ({ content: "", status: 401 });
    const model = classifier();
    for (let n = 0; n < 5; n++) expect(await ask(model)).toBeUndefined();
    expect(server.requests).toHaveLength(3);
    expect(logLines.at(-1)).toMatch(/model step off for the rest of this run after 3 failed calls/);
  });

  it("trims the model's reason to one short line", async () => {
    reply = () => answer({ reason: `  Slow\n   queries ${"very ".repeat(60)}` });
    const verdict = await ask(classifier());
    expect(verdict!.reason).toMatch(/^Slow queries very/);
    expect(verdict!.reason!.length).toBeLessThanOrEqual(160);
  });

  it("builds no model step from settings whose provider lacks a key, and says why", () => {
    const model = configuredIssueClassifier(
      test.db,
      { "llm.provider": "openai", "llm.api_key": null, "model.name": "gpt-4.1-mini" },
      { settingsValues: async () => values, log },
    );
    expect(model).toBeUndefined();
    expect(logLines.join("")).toMatch(/classify.use_model is on but the model is not configured/);
  });
});
