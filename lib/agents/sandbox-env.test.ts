import { describe, expect, it } from "vitest";
import { sandboxEnv } from "./sandbox-env";

describe("sandboxEnv", () => {
  it("passes a short allow-list and never a credential", () => {
    const env = {
      PATH: "/usr/bin",
      HOME: "/home/agent",
      GITHUB_TOKEN: "ghp_secret",
      OPENAI_API_KEY: "sk-secret",
      ANTHROPIC_API_KEY: "sk-ant-secret",
      GLOBALLM_LLM_API_KEY: "sk-secret",
      DATABASE_URL: "postgresql://u:p@h/db",
      GLOBALLM_DATABASE_URL: "postgresql://u:p@h/db",
      AWS_SECRET_ACCESS_KEY: "x",
      RANDOM_VARIABLE: "not allowed either",
    };
    expect(sandboxEnv(env)).toEqual({ PATH: "/usr/bin", HOME: "/home/agent" });
  });

  it("adds what the caller passes, still refusing anything secret-looking", () => {
    expect(sandboxEnv({ PATH: "/bin" }, { CI: "true", NPM_TOKEN: "x", GIT_AUTHOR_NAME: "GlobaLLM" })).toEqual(
      {
        PATH: "/bin",
        CI: "true",
        GIT_AUTHOR_NAME: "GlobaLLM",
      },
    );
  });
});
