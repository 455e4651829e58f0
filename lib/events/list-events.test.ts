import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { events } from "../db/schema";
import { listEvents } from "./list-events";

describe("listEvents", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
    const at = (minutes: number) => new Date(Date.UTC(2026, 0, 1, 12, minutes));
    await target.db.insert(events).values([
      {
        at: at(1),
        actor: "cli:a",
        action: "repository.analyzed",
        subjectType: "repository",
        subjectId: "o/r",
      },
      {
        at: at(3),
        actor: "user:b",
        action: "repository.approved",
        subjectType: "repository",
        subjectId: "o/r",
      },
      {
        at: at(2),
        actor: "user:c",
        action: "repository.rejected",
        subjectType: "repository",
        subjectId: "o/r",
      },
      {
        at: at(4),
        actor: "user:d",
        action: "repository.analyzed",
        subjectType: "repository",
        subjectId: "o/other",
      },
      { at: at(5), actor: "user:e", action: "setting.changed", subjectType: "setting", subjectId: "o/r" },
    ]);
  });
  afterAll(() => target.drop());

  it("returns one subject's events, newest first", async () => {
    const found = await listEvents(target.db, { subjectType: "repository", subjectId: "o/r" });
    expect(found.map((event) => event.actor)).toEqual(["user:b", "user:c", "cli:a"]);
  });

  it("returns the events of several subjects together, newest first", async () => {
    const found = await listEvents(target.db, { subjectType: "repository", subjectId: ["o/r", "o/other"] });
    expect(found.map((event) => event.actor)).toEqual(["user:d", "user:b", "user:c", "cli:a"]);
  });

  it("honours the limit, within bounds", async () => {
    expect(
      await listEvents(target.db, { subjectType: "repository", subjectId: "o/r", limit: 1 }),
    ).toHaveLength(1);
    expect(
      await listEvents(target.db, { subjectType: "repository", subjectId: "o/r", limit: 0 }),
    ).toHaveLength(1);
    expect(await listEvents(target.db, { subjectType: "repository", subjectId: "nobody/nothing" })).toEqual(
      [],
    );
  });
});
