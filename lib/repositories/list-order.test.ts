import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { repositories } from "../db/schema";
import { repositoryFacets } from "./facets";
import { listRepositories } from "./queries";

// What the Repositories page relies on beyond queries.test.ts: the order of every sort and the
// filter menus' counts.
describe("repository list order and facets", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
    await target.db.insert(repositories).values([
      {
        fullName: "b/beta",
        stars: 10,
        language: "python",
        domain: "ai_ml",
        healthScore: 0.9,
        analyzedAt: new Date(),
      },
      {
        fullName: "A/alpha",
        stars: 30,
        language: "Python",
        domain: "ai_ml",
        healthScore: 0.2,
        analyzedAt: new Date(),
      },
      { fullName: "c/Gamma", stars: 20, language: "rust", domain: null },
      {
        fullName: "d/delta",
        stars: 20,
        language: null,
        domain: "security",
        healthScore: 0.5,
        analyzedAt: new Date(),
      },
    ]);
  });
  afterAll(() => target.drop());

  const names = async (params: Parameters<typeof listRepositories>[1]) =>
    (await listRepositories(target.db, params)).rows.map((row) => row.fullName);

  it("sorts names case-insensitively, both ways", async () => {
    expect(await names({ sort: "name", direction: "asc" })).toEqual([
      "A/alpha",
      "b/beta",
      "c/Gamma",
      "d/delta",
    ]);
    expect(await names({ sort: "name", direction: "desc" })).toEqual([
      "d/delta",
      "c/Gamma",
      "b/beta",
      "A/alpha",
    ]);
  });

  it("keeps unanalyzed repositories last whichever way scores sort", async () => {
    expect(await names({ sort: "health", direction: "desc" })).toEqual([
      "b/beta",
      "d/delta",
      "A/alpha",
      "c/Gamma",
    ]);
    expect(await names({ sort: "health", direction: "asc" })).toEqual([
      "A/alpha",
      "d/delta",
      "b/beta",
      "c/Gamma",
    ]);
  });

  it("breaks ties by insertion, so pages never overlap", async () => {
    expect(await names({ sort: "stars", direction: "desc" })).toEqual([
      "A/alpha",
      "c/Gamma",
      "d/delta",
      "b/beta",
    ]);
    const first = await names({ sort: "stars", direction: "desc", pageSize: 2, page: 1 });
    const second = await names({ sort: "stars", direction: "desc", pageSize: 2, page: 2 });
    expect([...first, ...second]).toEqual(["A/alpha", "c/Gamma", "d/delta", "b/beta"]);
  });

  it("counts languages lower-cased and domains as stored, most common first", async () => {
    expect(await repositoryFacets(target.db)).toEqual({
      languages: [
        { value: "python", count: 2 },
        { value: "rust", count: 1 },
      ],
      domains: [
        { value: "ai_ml", count: 2 },
        { value: "security", count: 1 },
      ],
    });
  });
});
