import { describe, expect, it } from "vitest";
import { githubLanguageLower, languageKey, resolveLanguage } from "./languages";

describe("languages", () => {
  it("resolves what a user types to GitHub's name, any case, aliases too", () => {
    expect(resolveLanguage("PYTHON")).toEqual({ key: "python", github: "Python" });
    expect(resolveLanguage("c++")).toEqual({ key: "cpp", github: "C++" });
    expect(() => resolveLanguage("klingon")).toThrow(/Unknown language "klingon"/);
  });

  it("compares focus languages with repositories' languages by GitHub's name", () => {
    expect(["cpp", "C#", "golang", "Nix"].map(githubLanguageLower)).toEqual(["c++", "c#", "go", "nix"]);
    expect(languageKey("C++")).toBe("cpp");
  });
});
