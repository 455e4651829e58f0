import { mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { isAppError } from "../errors";
import { authSecret } from "./auth-secret";
import { safeCallbackPath, signInPath } from "./callback-path";
import { authorize, type SignedInUser } from "./roles";

const member: SignedInUser = { id: "1", login: "m", name: null, image: null, role: "member" };
const admin: SignedInUser = { ...member, id: "2", login: "a", role: "admin" };

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return isAppError(error) ? error.code : "not an AppError";
  }
}

describe("authorize", () => {
  it("refuses anonymous callers with unauthorized and members on admin access with forbidden", () => {
    expect(codeOf(() => authorize(null, "member"))).toBe("unauthorized:auth");
    expect(codeOf(() => authorize(null, "admin"))).toBe("unauthorized:auth");
    expect(codeOf(() => authorize(member, "admin"))).toBe("forbidden:auth");
  });

  it("lets admins do what members may, and anyone through public access", () => {
    expect(authorize(member, "member")).toBe(member);
    expect(authorize(admin, "member")).toBe(admin);
    expect(authorize(admin, "admin")).toBe(admin);
    expect(authorize(null, "public")).toBeNull();
  });
});

describe("callback paths", () => {
  it("keep people on this site", () => {
    expect(safeCallbackPath("/settings?tab=budgets")).toBe("/settings?tab=budgets");
    for (const hostile of [
      "https://evil.example",
      "//evil.example",
      "/\\evil.example",
      "javascript:alert(1)",
      "",
    ]) {
      expect(safeCallbackPath(hostile)).toBe("/");
    }
    expect(safeCallbackPath(["/a"])).toBe("/");
    expect(safeCallbackPath("/sign-in?callbackUrl=%2F")).toBe("/");
  });

  it("build the sign-in URL that brings people back", () => {
    expect(signInPath("/issues?page=2")).toBe("/sign-in?callbackUrl=%2Fissues%3Fpage%3D2");
    expect(signInPath("/")).toBe("/sign-in");
  });
});

describe("authSecret", () => {
  it("prefers AUTH_SECRET, otherwise generates one secret per data directory, private to the user", () => {
    const home = mkdtempSync(join(tmpdir(), "globallm-secret-"));
    try {
      expect(authSecret({ AUTH_SECRET: "from-env", XDG_DATA_HOME: home, HOME: home })).toBe("from-env");
      const first = authSecret({ AUTH_SECRET: undefined, XDG_DATA_HOME: home, HOME: home });
      const again = authSecret({ AUTH_SECRET: undefined, XDG_DATA_HOME: home, HOME: home });
      expect(first).toHaveLength(43);
      expect(again).toBe(first);
      const file = join(home, "globallm", "auth-secret");
      expect(readFileSync(file, "utf8").trim()).toBe(first);
      expect(statSync(file).mode & 0o777).toBe(0o600);
    } finally {
      rmSync(home, { recursive: true, force: true });
    }
  });
});
