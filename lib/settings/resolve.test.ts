import { describe, expect, it } from "vitest";
import { AppError } from "../errors";
import { envNameFor, parseSettingText } from "./define";
import { findSetting } from "./keys";
import { maskSecret, parseSettingInput, resolveSettings } from "./resolve";

function resolved(layers: Parameters<typeof resolveSettings>[0], key: string) {
  const setting = resolveSettings(layers).find((entry) => entry.key === key);
  if (!setting) throw new Error(`no ${key}`);
  return setting;
}

describe("settings", () => {
  it("parses typed text by the key's kind", () => {
    expect(parseSettingInput("filters.min_stars", "5000").value).toBe(5000);
    expect(parseSettingInput("thresholds.health", "0.65").value).toBe(0.65);
    expect(parseSettingInput("languages", "Python, rust").value).toEqual(["python", "rust"]);
    expect(parseSettingInput("fix.allow_workflow_changes", "yes").value).toBe(true);
    expect(parseSettingInput("budget.weekly.cost_usd", "none").value).toBeNull();
    expect(parseSettingInput("model.prices", '{"m":{"input_per_mtok":1,"output_per_mtok":2}}').value).toEqual(
      {
        m: { input_per_mtok: 1, output_per_mtok: 2 },
      },
    );
  });

  it.each([
    ["filters.min_stars", "abc"],
    ["filters.min_stars", "-5"],
    ["filters.min_stars", "1.5"],
    ["filters.min_stars", ""],
    ["thresholds.health", "1.2"],
    ["budget.overall.cost_usd", "-1"],
    ["model.prices", "{not json"],
    ["github.api_url", "not a url"],
    ["log.level", "loud"],
  ])("refuses %s = %j as a usage error", (key, text) => {
    const error = (() => {
      try {
        parseSettingInput(key, text);
      } catch (caught) {
        return caught;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).exitCode).toBe(2);
    expect((error as AppError).message).toContain(key);
  });

  it("refuses unknown keys and suggests the closest one", () => {
    expect(() => parseSettingInput("nope", "1")).toThrow(/Unknown setting "nope"/);
    try {
      parseSettingInput("filters.min_star", "1");
    } catch (error) {
      expect((error as AppError).hint).toContain("filters.min_stars");
    }
  });

  it("resolves default < file/database < environment, and says where a value came from", () => {
    expect(resolved({ env: {}, file: {} }, "filters.min_stars")).toMatchObject({
      value: 1000,
      source: "default",
    });
    expect(
      resolved({ env: {}, file: {}, database: { "filters.min_stars": 5000 } }, "filters.min_stars"),
    ).toMatchObject({
      value: 5000,
      source: "database",
    });
    expect(
      resolved(
        { env: { GLOBALLM_FILTERS_MIN_STARS: "7" }, file: {}, database: { "filters.min_stars": 5000 } },
        "filters.min_stars",
      ),
    ).toMatchObject({ value: 7, source: "env", envName: "GLOBALLM_FILTERS_MIN_STARS" });
    expect(
      resolved({ env: { GITHUB_TOKEN: "ghp_env" }, file: { "github.token": "ghp_file" } }, "github.token"),
    ).toMatchObject({
      value: "ghp_env",
      source: "env",
    });
    expect(resolved({ env: {}, file: { "github.token": "ghp_file" } }, "github.token")).toMatchObject({
      source: "file",
    });
  });

  it("keeps machine keys out of the database layer and team keys out of the file layer", () => {
    expect(resolved({ env: {}, file: { "filters.min_stars": 3 } }, "filters.min_stars").source).toBe(
      "default",
    );
    expect(resolved({ env: {}, file: {}, database: { "github.token": "x" } }, "github.token").source).toBe(
      "default",
    );
  });

  it("names environment variables after keys and honours the documented aliases", () => {
    expect(envNameFor("filters.min_stars")).toBe("GLOBALLM_FILTERS_MIN_STARS");
    expect(
      resolved({ env: { GLOBALLM_HEARTBEAT_TIMEOUT: "45" }, file: {} }, "agent.heartbeat_timeout_minutes")
        .value,
    ).toBe(45);
    expect(resolved({ env: { DATABASE_URL: "postgresql://a@b/c" }, file: {} }, "database.url").value).toBe(
      "postgresql://a@b/c",
    );
  });

  it("masks secrets without hiding which one it is", () => {
    expect(maskSecret("ghp_1234567890abcdefXYZW")).toBe("ghp_…XYZW");
    expect(maskSecret("short")).toBe("****");
    expect(maskSecret("postgresql://me:hunter2@db:5432/x")).toBe("postgresql://me:****@db:5432/x");
    expect(findSetting("github.token")?.secret).toBe(true);
  });

  it("reads numbers strictly", () => {
    expect(parseSettingText("integer", "12abc")).toBeNaN();
    expect(parseSettingText("number", "1e3")).toBe(1000);
  });
});
