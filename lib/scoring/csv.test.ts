import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords } from "./csv";

describe("parseCsv (RFC 4180)", () => {
  it("splits plain fields and CRLF or LF records, ignoring one final line break", () => {
    expect(parseCsv("a,b\r\n1,2\n3,\n")).toEqual([
      ["a", "b"],
      ["1", "2"],
      ["3", ""],
    ]);
  });

  it("keeps commas, doubled quotes and line breaks inside quoted fields", () => {
    expect(parseCsv('name,body\n"x, y","say ""hi""\r\nthen go"\n')).toEqual([
      ["name", "body"],
      ["x, y", 'say "hi"\r\nthen go'],
    ]);
  });

  it("drops a byte-order mark and rejects an unterminated quote", () => {
    expect(parseCsv("\ufeffa\n1")).toEqual([["a"], ["1"]]);
    expect(() => parseCsv('a\n"open')).toThrow(/quoted field/);
  });

  it("reads records by header name and refuses ragged rows", () => {
    expect(parseCsvRecords("b,a\n2,1\n")).toEqual([{ a: "1", b: "2" }]);
    expect(() => parseCsvRecords("a,b\n1\n")).toThrow(/row 2 has 1 fields/);
  });
});
