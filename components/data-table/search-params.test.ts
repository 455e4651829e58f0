import { describe, expect, it } from "vitest";
import { firstValues, pageParam, pageSizeParam, serializeSort, sortParam, textParam } from "./search-params";

describe("table search params", () => {
  const sort = sortParam(["stars", "name"], { id: "stars", desc: true });

  it("reads a sort as column.direction, and falls back for anything else", () => {
    expect(sort.parse("name.asc")).toEqual({ id: "name", desc: false });
    expect(sort.parse("stars.desc")).toEqual({ id: "stars", desc: true });
    for (const bad of [undefined, "", "name", "name.up", "secret.asc", "stars.desc.x"])
      expect(sort.parse(bad)).toEqual({ id: "stars", desc: true });
    expect(serializeSort({ id: "name", desc: false })).toBe("name.asc");
  });

  it("reads pages and page sizes, falling back for hand-edited values", () => {
    expect(pageParam().parse("3")).toBe(3);
    for (const bad of [undefined, "0", "-1", "1.5", "x"]) expect(pageParam().parse(bad)).toBe(1);
    const size = pageSizeParam([25, 50], 50);
    expect(size.parse("25")).toBe(25);
    expect(size.parse("1000")).toBe(50);
  });

  it("trims text and treats empty as absent; takes the first of repeated keys", () => {
    expect(textParam().parse("  flask ")).toBe("flask");
    expect(textParam().parse("   ")).toBeUndefined();
    expect(textParam(3).parse("toolong")).toBeUndefined();
    expect(firstValues({ a: ["1", "2"], b: "x", c: undefined })).toEqual({ a: "1", b: "x", c: undefined });
  });
});
