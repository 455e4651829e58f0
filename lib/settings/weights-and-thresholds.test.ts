import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase, type TestDatabase } from "../../test/databases";
import { events, settings } from "../db/schema";
import { findSetting } from "./keys";
import { writeTeamSetting } from "./team";
import {
  priorityWeightKeys,
  resolveWeightsAndThresholds,
  updateWeightsAndThresholds,
  weightAndThresholdKeys,
} from "./weights-and-thresholds";

describe("weights and thresholds", () => {
  let target: TestDatabase;
  beforeAll(async () => {
    target = await freshDatabase("embedded");
  });
  afterAll(() => target.drop());

  const save = (values: Record<string, string>, env = {}) =>
    updateWeightsAndThresholds(target.db, { values, env, actor: "user:admin" });
  const stored = async () =>
    Object.fromEntries(
      (await target.db.select().from(settings).where(inArray(settings.key, weightAndThresholdKeys))).map(
        (row) => [row.key, row.value],
      ),
    );
  const audit = () =>
    target.db.select().from(events).where(eq(events.action, "setting.changed")).orderBy(events.id);

  it("saves what changed, each change audited with who and before → after", async () => {
    const changes = await save({
      "weights.priority.urgency": "0.5",
      "weights.priority.impact": "0.3", // the default: not a change
      "thresholds.health": "0.6",
    });
    expect(changes.map((change) => [change.key, change.before, change.after])).toEqual([
      ["weights.priority.urgency", 0.25, 0.5],
      ["thresholds.health", 0.5, 0.6],
    ]);
    expect(await stored()).toEqual({ "weights.priority.urgency": 0.5, "thresholds.health": 0.6 });
    expect((await audit()).map((event) => [event.actor, event.subjectId, event.data])).toEqual([
      ["user:admin", "weights.priority.urgency", { before: 0.25, after: 0.5 }],
      ["user:admin", "thresholds.health", { before: 0.5, after: 0.6 }],
    ]);
    const resolved = await resolveWeightsAndThresholds(target.db, {});
    expect(resolved.map((setting) => setting.key)).toEqual(weightAndThresholdKeys);
    expect(resolved.find((setting) => setting.key === "thresholds.health")).toMatchObject({
      value: 0.6,
      source: "database",
    });
  });

  it("refuses values out of range, unknown keys and all-zero weights, saving none of the batch", async () => {
    await expect(
      save({ "weights.priority.health": "0.4", "weights.priority.impact": "-1", "thresholds.impact": "1.5" }),
    ).rejects.toMatchObject({
      code: "bad_request:settings",
      fields: {
        "weights.priority.impact": "A weight is a number from 0 to 100.",
        "thresholds.impact": "A threshold is a number from 0 to 1.",
      },
    });
    await expect(save({ "weights.priority.health": "lots" })).rejects.toMatchObject({
      fields: { "weights.priority.health": expect.any(String) },
    });
    await expect(save({ "weights.health.ci": "1" })).rejects.toMatchObject({
      fields: { "weights.health.ci": expect.stringMatching(/not a priority weight/) },
    });
    // Four already 0 in the database, the fifth zeroed now: refused, whichever way it comes.
    await save(Object.fromEntries(priorityWeightKeys.slice(1).map((key) => [key, "0"])));
    await expect(save({ "weights.priority.health": "0" })).rejects.toMatchObject({
      code: "bad_request:settings",
      message: expect.stringMatching(/cannot all be 0/),
    });
    expect((await stored())["weights.priority.health"]).toBeUndefined();
    expect(await save({ "weights.priority.health": "0.4" })).toHaveLength(1);
  });

  it("leaves values fixed by the environment alone, and counts them in the all-zero check", async () => {
    const env = { GLOBALLM_WEIGHTS_PRIORITY_HEALTH: "0.5" };
    await expect(save({ "weights.priority.health": "0.7" }, env)).rejects.toMatchObject({
      fields: { "weights.priority.health": expect.stringMatching(/GLOBALLM_WEIGHTS_PRIORITY_HEALTH/) },
    });
    await save(Object.fromEntries(priorityWeightKeys.slice(1).map((key) => [key, "0"])), env);
    const resolved = await resolveWeightsAndThresholds(target.db, env);
    expect(resolved[0]).toMatchObject({ value: 0.5, source: "env" });
  });

  it("moves the weight from one factor to another in one save, and no door can zero the last one", async () => {
    // Only health is above 0 here; the batch zeroes it and raises impact: fine as a whole.
    await save({ "weights.priority.health": "0", "weights.priority.impact": "1" });
    expect(await stored()).toMatchObject({ "weights.priority.health": 0, "weights.priority.impact": 1 });
    // `globallm config set` and the All settings page write one key at a time, through the same check.
    const impact = findSetting("weights.priority.impact")!;
    await expect(writeTeamSetting(target.db, impact, 0, "cli:ops@host")).rejects.toMatchObject({
      code: "bad_request:settings",
      message: expect.stringMatching(/cannot all be 0/),
    });
    expect((await stored())["weights.priority.impact"]).toBe(1);
  });
});
