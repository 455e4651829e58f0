import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { upsertRepositories } from "../repositories/queries";
import { compareProjects } from "./compare-projects";
import { saveRedundancyResults } from "./save-results";
import { redundantPairs } from "./stored-pairs";

describe("storing redundancy results", () => {
  let database: TestDatabase;
  beforeAll(async () => {
    // Migrated, so redundancy_pairs exists (drizzle/0009) even while the CLI does not store yet.
    database = await freshDatabase("embedded");
  });
  afterAll(async () => database?.drop());

  it("keeps one row per unordered pair, updated in place, and reads back the redundant ones", async () => {
    const { db } = database;
    await upsertRepositories(db, [
      { fullName: "acme/one", description: "HTTP client for Python with sessions and retries", stars: 10 },
      {
        fullName: "acme/two",
        description: "Python HTTP client with sessions, retries and HTTP/2",
        stars: 5000,
      },
      { fullName: "acme/three", description: "A unit testing framework with fixtures" },
    ]);
    const ids = new Map(
      (await db.$client.unsafe("select id, full_name from repositories")).map((row) => [
        row.full_name as string,
        Number(row.id),
      ]),
    );
    const projects = [...ids.keys()].sort().map((name) => ({
      name,
      description:
        name === "acme/three"
          ? "A unit testing framework with fixtures"
          : "Python HTTP client with sessions and retries",
      stars: name === "acme/two" ? 5000 : 10,
      language: "Python",
    }));
    const stored = (threshold: number) =>
      compareProjects(projects, { threshold }).map((pair) => ({
        ...pair,
        aId: ids.get(pair.a)!,
        bId: ids.get(pair.b)!,
        threshold,
      }));
    expect(await saveRedundancyResults(db, stored(0.7))).toBe(3);
    expect(await saveRedundancyResults(db, stored(0.7))).toBe(3);
    const rows = await db.$client.unsafe("select * from redundancy_pairs");
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => Number(row.repository_a_id) < Number(row.repository_b_id))).toBe(true);

    const redundant = await redundantPairs(db, { enabled: true });
    expect(redundant).toHaveLength(1);
    expect(redundant[0]).toMatchObject({ recommendation: "deprecate-the-weaker", stronger: "acme/two" });
    expect(await redundantPairs(db)).toEqual(redundant);

    await saveRedundancyResults(db, stored(1));
    expect(await redundantPairs(db, { enabled: true })).toEqual([]);
  });
});
