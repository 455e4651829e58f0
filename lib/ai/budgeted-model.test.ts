import { generateText, streamText } from "ai";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { availableServers, freshDatabase, type TestDatabase } from "../../test/databases";
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from "../../test/model-server/scripted-model-server.mock";
import { BudgetExceededError, UnpricedModelError } from "../budget/budget-errors";
import { createLogger } from "../logger";
import { createBudgetedModel } from "./budgeted-model";
import type { ModelSettings } from "./model-settings";

const apiKey = "sk-test-0123456789abcdef";
const prices = { "scripted-1": { input_per_mtok: 2, output_per_mtok: 8 } };

describe.each(availableServers())("budgeted model calls on %s PostgreSQL", (kind) => {
  let test: TestDatabase;
  let server: ScriptedModelServer;
  let values: Record<string, unknown>;
  const logLines: string[] = [];
  const log = createLogger("test", "debug", (line) => logLines.push(line));

  beforeAll(async () => {
    test = await freshDatabase(kind);
    server = await startScriptedModelServer((request) =>
      request.messages.some((message) => JSON.stringify(message.content).includes("fail"))
        ? { content: "", status: 500 }
        : request.messages.some((message) => JSON.stringify(message.content).includes("silent"))
          ? { content: "no usage", omitUsage: true }
          : { content: "A fix.", promptTokens: 40, completionTokens: 25 },
    );
  });
  afterAll(async () => {
    await server?.close();
    await test?.drop();
  });
  beforeEach(async () => {
    await test.db.$client`truncate budget_entries, budget_counters, events restart identity`;
    server.requests.length = 0;
    values = { "model.prices": prices, "model.max_output_tokens": 100, "budget.overall.cost_usd": 1 };
  });

  const model = (settings: Partial<ModelSettings> = {}) =>
    createBudgetedModel({
      db: test.db,
      settings: {
        provider: "openai-compatible",
        baseUrl: server.baseUrl,
        apiKey,
        model: "scripted-1",
        maxOutputTokens: 100,
        ...settings,
      },
      subject: { agentId: "a1", issueId: 1, repositoryId: 1, language: "go" },
      settingsValues: async () => values,
      callTimeoutMs: 10_000,
      log,
    });
  const overall = async () =>
    (
      await test.db.$client`select used_cost_usd::float8 as used, reserved_cost_usd::float8 as reserved,
      used_input_tokens, used_output_tokens from budget_counters where scope = 'overall'`
    )[0];

  it("settles what the provider reports, priced from the table, with output capped at the setting", async () => {
    const result = await generateText({ model: model(), prompt: "Fix the bug.", maxOutputTokens: 5000 });
    expect(result.text).toBe("A fix.");
    expect(server.requests[0]).toMatchObject({ model: "scripted-1", maxTokens: 100 });
    expect(server.requests[0]!.authorization).toBe(`Bearer ${apiKey}`);
    expect(await overall()).toEqual({
      used: (40 * 2 + 25 * 8) / 1e6,
      reserved: 0,
      used_input_tokens: "40",
      used_output_tokens: "25",
    });
    const [entry] = await test.db
      .$client`select status, model, issue_id, language, reserved_tokens from budget_entries`;
    expect(entry).toMatchObject({ status: "settled", model: "scripted-1", issue_id: "1", language: "go" });
    // The reservation covered the byte bound of the prompt plus all 100 output tokens.
    expect(Number(entry!.reserved_tokens)).toBeGreaterThan(140);
    expect(logLines.join("")).not.toContain(apiKey);
  });

  it("settles a streamed call when its stream ends", async () => {
    const result = streamText({ model: model(), prompt: "Stream a fix." });
    expect(await result.text).toBe("A fix.");
    await result.consumeStream();
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await overall()).toMatchObject({ reserved: 0, used_input_tokens: "40", used_output_tokens: "25" });
  });

  it("refuses before sending when the call could pass the limit", async () => {
    values["budget.overall.cost_usd"] = 0.0005; // below 100 output tokens × $8/M + the prompt
    await expect(generateText({ model: model(), prompt: "Fix it.", maxRetries: 0 })).rejects.toBeInstanceOf(
      BudgetExceededError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("will not run an unpriced model under a cost limit, but will without one", async () => {
    await expect(
      generateText({ model: model({ model: "mystery-model" }), prompt: "Hi", maxRetries: 0 }),
    ).rejects.toBeInstanceOf(UnpricedModelError);
    expect(server.requests).toHaveLength(0);
    values["budget.overall.cost_usd"] = null;
    values["budget.overall.tokens"] = 100_000;
    await generateText({ model: model({ model: "mystery-model" }), prompt: "Hi" });
    expect(await overall()).toMatchObject({ used: 0, used_output_tokens: "25" });
  });

  it("releases the reservation of a call the provider rejected, and charges the worst case when usage is missing", async () => {
    await expect(generateText({ model: model(), prompt: "please fail", maxRetries: 0 })).rejects.toThrow();
    expect(await overall()).toMatchObject({ used: 0, reserved: 0 });
    const [failed] = await test.db.$client`select note from budget_entries`;
    expect(failed!.note).toBe("provider answered 500");

    await generateText({ model: model(), prompt: "silent" });
    const [row] = await test.db.$client`select reserved_cost_usd::float8 as reserved, cost_usd::float8 as cost
      from budget_entries where id = 2`;
    expect(row!.cost).toBe(row!.reserved);
    expect((await overall())!.reserved).toBe(0);
  });
});
