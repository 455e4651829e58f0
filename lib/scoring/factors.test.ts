import { describe, expect, it } from "vitest";
import { combine, type Factor } from "./factors";

const factor = (name: string, value: number | null, weight: number): Factor => ({
  name,
  value,
  weight,
  raw: String(value),
  reason: "test",
});

describe("combine", () => {
  it("is the weighted mean of the measured factors", () => {
    const result = combine([factor("a", 1, 3), factor("b", 0, 1)]);
    expect(result.score).toBeCloseTo(0.75, 12);
    expect(result.used.map((f) => f.share)).toEqual([0.75, 0.25]);
    expect(result.reason).toBe("All 2 factors measured.");
  });

  it("leaves a null factor out and renormalises the remaining weights (never a silent 0)", () => {
    const result = combine([factor("a", 0.8, 0.5), factor("b", null, 0.3), factor("c", 0.4, 0.5)]);
    expect(result.score).toBeCloseTo(0.6, 12);
    expect(result.used.map((f) => f.name)).toEqual(["a", "c"]);
    expect(result.excluded.map((f) => f.name)).toEqual(["b"]);
    expect(result.reason).toMatch(/2 of 3 factors measured; left out .*: b\./);
    // Treating b as 0 would have given (0.4 + 0.2) / 1.3 ≈ 0.46.
    expect(result.score).not.toBeCloseTo(0.6 / 1.3, 3);
  });

  it("has no score when nothing is measurable", () => {
    const result = combine([factor("a", null, 1), factor("b", null, 2)]);
    expect(result.score).toBeNull();
    expect(result.used).toEqual([]);
    expect(result.reason).toMatch(/None of the 2 factors/);
  });

  it("excludes a zero-weight factor rather than dividing by zero", () => {
    expect(combine([factor("a", 0.9, 0)]).score).toBeNull();
    expect(combine([factor("a", 0.9, 0), factor("b", 0.2, 1)]).score).toBeCloseTo(0.2, 12);
  });

  it("rejects values outside 0..1 and negative weights", () => {
    expect(() => combine([factor("a", 1.2, 1)])).toThrow(/0\.\.1/);
    expect(() => combine([factor("a", Number.NaN, 1)])).toThrow(/0\.\.1/);
    expect(() => combine([factor("a", 0.5, -1)])).toThrow(/weight/);
  });
});
