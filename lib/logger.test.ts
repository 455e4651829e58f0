import { describe, expect, it } from "vitest";
import { createLogger, redact } from "./logger";

describe("logger", () => {
  it("never writes tokens or URL passwords", () => {
    const lines: string[] = [];
    const log = createLogger("test", "info", (line) => lines.push(line));
    log.info("token ghp_abcdefghijklmnopqrstuvwxyz and key sk-proj-abcdefghijklmnop", {
      url: "postgresql://me:hunter2@db/x",
    });
    expect(lines.join("")).not.toMatch(/abcdefghijklmnop|hunter2/);
    expect(redact("github_pat_11ABCDEFGH_xyz123456")).toBe("github_pat_****");
  });

  it("filters by level", () => {
    const lines: string[] = [];
    const log = createLogger("test", "warn", (line) => lines.push(line));
    log.info("hidden");
    log.warn("shown");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/warn {2}test: shown/);
  });
});
