import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isolatedCliEnv, runCli, spawnCli } from "../test/cli";
import { freshDatabase, type TestDatabase } from "../test/databases";
import {
  type ScriptedModelServer,
  startScriptedModelServer,
} from "../test/model-server/scripted-model-server.mock";

// The CLI's categorize wiring: the model step exists only when classify.use_model is on and the
// provider is configured; prioritize then sends the issues the offline classifier is unsure of.
describe("the model step behind prioritize", () => {
  let database: TestDatabase;
  let server: ScriptedModelServer;
  let env: Record<string, string>;
  let issueId: number;

  beforeAll(async () => {
    database = await freshDatabase("embedded");
    server = await startScriptedModelServer(() => ({
      content: '{"category":"refactor","severity":"low","confidence":0.8,"reason":"settings cleanup"}',
    }));
    const [repository] = await database.db.$client`
      insert into repositories (full_name, language) values ('acme/plain', 'Go') returning id`;
    const [issue] = await database.db.$client`
      insert into issues (repository_id, number, title, github_updated_at)
      values (${repository!.id}, 1, 'Settings panel', '2025-03-01T10:00:00Z') returning id`;
    issueId = Number(issue!.id);
    env = isolatedCliEnv(database.url, {
      GLOBALLM_LLM_PROVIDER: "openai-compatible",
      GLOBALLM_LLM_BASE_URL: server.baseUrl,
      GLOBALLM_MODEL_NAME: "scripted-1",
    });
  });
  afterAll(async () => {
    await server?.close();
    await database?.drop();
  });
  beforeEach(async () => {
    server.requests.length = 0;
    await database.db.$client`update issues set solvability = null, category = null, category_source = null`;
  });

  const source = async () =>
    (await database.db.$client`select category_source from issues where id = ${issueId}`)[0]!.category_source;

  it("stays offline while classify.use_model is off (the default)", async () => {
    const result = await runCli(["prioritize", "--json"], env);
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests).toHaveLength(0);
    expect(await source()).toBe("text");
  });

  it("asks the configured model when classify.use_model is on", async () => {
    const result = await runCli(["prioritize", "--json"], { ...env, GLOBALLM_CLASSIFY_USE_MODEL: "true" });
    expect(result.code, result.stderr).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(await source()).toBe("llm");
  });

  it("says once why it stays offline when the provider is not configured", async () => {
    // The log goes to the process's stderr: run the real executable to see it.
    const result = await spawnCli(["prioritize", "--json"], {
      ...env,
      GLOBALLM_CLASSIFY_USE_MODEL: "true",
      GLOBALLM_LLM_PROVIDER: "openai",
    });
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr.match(/classify.use_model is on but the model is not configured/g)).toHaveLength(1);
    expect(await source()).toBe("text");
  });
});
