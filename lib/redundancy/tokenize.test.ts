import { describe, expect, it } from "vitest";
import { stem } from "./stem";
import { splitIdentifier, tokenize } from "./tokenize";

describe("stem", () => {
  it("conflates the variants descriptions use for one idea", () => {
    const groups = [
      ["test", "tests", "testing", "tester"],
      ["validation", "validator", "validates", "validate", "validating"],
      ["parse", "parser", "parsing", "parsers"],
      ["database", "databases"],
      ["extraction", "extract"],
      ["serialization", "serializer", "serialize"],
      ["logging", "logger", "logs"],
    ];
    for (const group of groups) expect(new Set(group.map(stem)), group.join(",")).toHaveProperty("size", 1);
  });

  it("leaves short words, names and words the rules would damage alone", () => {
    for (const word of ["redis", "status", "analysis", "class", "pandas", "nodejs", "http", "user", "string"])
      expect(stem(word)).toBe(word);
  });
});

describe("tokenize", () => {
  it("joins spellings of one thing, drops stop words and bare numbers", () => {
    expect(tokenize("A command-line tool for C++ and the .NET framework, version 2024")).toEqual([
      "cli",
      "tool",
      "cpp",
      "dotnet",
      "framework",
      "version",
    ]);
    expect(tokenize("Machine learning on Node.js")).toEqual(["ml", "nodejs"]);
    expect(tokenize("DB config")).toEqual(tokenize("database configuration"));
  });

  it("remembers a real word for each token", () => {
    const surface = new Map<string, string>();
    tokenize("Parsers and parsing", surface);
    expect(surface.get(stem("parsers"))).toBe("parsers");
  });

  it("splits identifiers of every naming style", () => {
    expect(splitIdentifier("HTTPClient")).toBe("HTTP Client");
    expect(splitIdentifier("django-rest_framework.v2")).toBe("django rest framework v2");
    expect(splitIdentifier("fastAPI")).toBe("fast API");
  });
});
