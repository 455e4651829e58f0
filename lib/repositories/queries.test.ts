import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { parseFullName } from "./full-name";
import {
  listRepositories,
  removeRepository,
  requireRepository,
  saveAnalysis,
  setWorthByHand,
  upsertRepositories,
} from "./queries";

describe("repository store", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
  });
  afterAll(() => target.drop());

  it("upserts without duplicates, matching names case-insensitively, and keeps analyses", async () => {
    const first = await upsertRepositories(target.db, [
      { fullName: "pallets/flask", stars: 60000, language: "Python", domain: "web_dev" },
      { fullName: "psf/requests", stars: 50000, language: "Python" },
      { fullName: "rust-lang/regex", stars: 3000, language: "Rust" },
    ]);
    expect(first).toEqual({ inserted: 3, updated: 0 });
    const flask = await requireRepository(target.db, "PALLETS/FLASK");
    await saveAnalysis(
      target.db,
      flask.id,
      {
        healthScore: 0.8,
        impactScore: 0.9,
        worthWorkingOn: true,
        analysisReason: "ok",
        analysis: {},
        signals: {},
      },
      "test",
    );
    const again = await upsertRepositories(target.db, [
      { fullName: "Pallets/Flask", stars: 61000, language: "Python" },
    ]);
    expect(again).toEqual({ inserted: 0, updated: 1 });
    const row = await requireRepository(target.db, "pallets/flask");
    expect(row).toMatchObject({ stars: 61000, healthScore: 0.8, worthWorkingOn: true, domain: "web_dev" });
  });

  it("lists with filters, search, sort and paging done by the database", async () => {
    expect((await listRepositories(target.db, { filter: "approved" })).rows.map((r) => r.fullName)).toEqual([
      "Pallets/Flask",
    ]);
    expect((await listRepositories(target.db, { filter: "unanalyzed" })).total).toBe(2);
    expect(
      (await listRepositories(target.db, { language: "python", sort: "stars", direction: "asc" })).rows.map(
        (r) => r.stars,
      ),
    ).toEqual([50000, 61000]);
    expect((await listRepositories(target.db, { search: "REGEX" })).rows).toHaveLength(1);
    const page = await listRepositories(target.db, { pageSize: 2, page: 2 });
    expect(page).toMatchObject({ total: 3, page: 2, pageSize: 2 });
    expect(page.rows).toHaveLength(1);
  });

  it("approves by hand and removes, both audited; unknown names are not found", async () => {
    await setWorthByHand(target.db, "psf/requests", true, "user:alice");
    expect((await listRepositories(target.db, { filter: "approved" })).total).toBe(2);
    await removeRepository(target.db, "rust-lang/regex", "cli:test");
    await expect(requireRepository(target.db, "rust-lang/regex")).rejects.toThrow(/not in the store/);
    await expect(removeRepository(target.db, "nope/nope", "cli:test")).rejects.toThrow(/not in the store/);
  });

  it("parses OWNER/REPO strictly", () => {
    expect(parseFullName("https://github.com/django/django.git")).toMatchObject({
      owner: "django",
      name: "django",
    });
    for (const bad of ["django", "a/b/c", "/x", "x/", "-bad/x", "a/.."])
      expect(() => parseFullName(bad)).toThrow(/not a repository name/);
  });
});
