import { describe, expect, it } from "vitest";
import { parseIssueView } from "./view-params";

describe("parseIssueView", () => {
  it("reads the whole view from the URL", () => {
    expect(
      parseIssueView({
        state: "closed",
        repo: " pallets/flask ",
        language: "Python",
        category: "security",
        severity: "high",
        status: "assigned",
        sort: "priority.asc",
        page: "2",
        perPage: "25",
      }),
    ).toEqual({
      state: "closed",
      repository: "pallets/flask",
      language: "python",
      category: "security",
      severity: "high",
      status: "assigned",
      sort: { id: "priority", desc: false },
      page: 2,
      pageSize: 25,
    });
  });

  it("reads a date sort in either direction, in any view", () => {
    expect(parseIssueView({ sort: "updated.desc" }).sort).toEqual({ id: "updated", desc: true });
    expect(parseIssueView({ state: "unranked", sort: "created.asc" })).toMatchObject({
      state: "unranked",
      sort: { id: "created", desc: false },
    });
    expect(parseIssueView({ sort: "updated.sideways" }).sort).toEqual({ id: "priority", desc: true });
  });

  it("shows the ranked queue for a bare or mangled URL instead of failing", () => {
    const defaults = {
      state: "ranked",
      repository: undefined,
      language: undefined,
      category: undefined,
      severity: undefined,
      status: undefined,
      sort: { id: "priority", desc: true },
      page: 1,
      pageSize: 50,
    };
    expect(parseIssueView({})).toEqual(defaults);
    expect(
      parseIssueView({
        state: "everything",
        category: "bugs",
        severity: "urgent",
        status: "stolen",
        sort: "title.asc",
        page: "0",
        perPage: "1000",
      }),
    ).toEqual(defaults);
  });
});
