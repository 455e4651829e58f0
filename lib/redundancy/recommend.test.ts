import { describe, expect, it } from "vitest";
import { recommend } from "./recommend";

const redundant = { redundant: true, similarity: 0.82, threshold: 0.7 };

describe("recommend", () => {
  it("keeps both when the pair is not redundant", () => {
    expect(
      recommend({ name: "a" }, { name: "b" }, { ...redundant, redundant: false, similarity: 0.3 }),
    ).toMatchObject({
      recommendation: "keep-both",
      reason: expect.stringContaining("0.300 < threshold 0.7"),
    });
  });

  it("collaborates across languages, whatever the strength", () => {
    const advice = recommend(
      { name: "a", language: "Python", stars: 50_000 },
      { name: "b", language: "Rust", stars: 10 },
      redundant,
    );
    expect(advice.recommendation).toBe("collaborate");
    expect(advice.reason).toMatch(/Python vs Rust/);
  });

  it("deprecates the clearly weaker one of the same language, naming the evidence", () => {
    const advice = recommend(
      { name: "small", language: "go", stars: 300, dependents: 2, healthScore: 0.3, impactScore: 0.1 },
      { name: "big", language: "Go", stars: 20_000, dependents: 5000, healthScore: 0.8, impactScore: 0.7 },
      redundant,
    );
    expect(advice).toMatchObject({ recommendation: "deprecate-the-weaker", stronger: "big" });
    expect(advice.reason).toMatch(/small is much weaker.*300 vs 20,000 stars.*health 0.30 vs 0.80/);
  });

  it("consolidates projects of similar strength, or when nothing tells them apart", () => {
    expect(
      recommend(
        { name: "a", language: "Java", stars: 10_000, healthScore: 0.7 },
        { name: "b", language: "Java", stars: 8_000, healthScore: 0.75 },
        redundant,
      ).recommendation,
    ).toBe("consolidate");
    const unknown = recommend({ name: "a" }, { name: "b" }, redundant);
    expect(unknown.recommendation).toBe("consolidate");
    expect(unknown.reason).toMatch(/no stars, dependents, health or impact known/);
  });

  it("does not call one weaker on a split decision (more stars, less health)", () => {
    expect(
      recommend(
        { name: "a", language: "Rust", stars: 30_000, healthScore: 0.2 },
        { name: "b", language: "Rust", stars: 1_000, healthScore: 0.9 },
        redundant,
      ).recommendation,
    ).toBe("consolidate");
  });

  it("deprecates an archived project in favour of a live one", () => {
    expect(
      recommend(
        { name: "old", archived: true, stars: 90_000 },
        { name: "new", archived: false, stars: 10 },
        redundant,
      ),
    ).toMatchObject({ recommendation: "deprecate-the-weaker", stronger: "new" });
  });
});
