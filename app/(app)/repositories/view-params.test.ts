import { describe, expect, it } from "vitest";
import { parseRepositoryView } from "./view-params";

describe("parseRepositoryView", () => {
  it("reads the whole view from the URL", () => {
    expect(
      parseRepositoryView({
        filter: "approved",
        language: "Python",
        domain: "ai_ml",
        q: " flask ",
        sort: "health.asc",
        page: "3",
        perPage: "25",
      }),
    ).toEqual({
      filter: "approved",
      language: "python",
      domain: "ai_ml",
      search: "flask",
      sort: { id: "health", desc: false },
      page: 3,
      pageSize: 25,
    });
  });

  it("shows the default view for a bare or mangled URL instead of failing", () => {
    const defaults = {
      filter: "all",
      language: undefined,
      domain: undefined,
      search: undefined,
      sort: { id: "stars", desc: true },
      page: 1,
      pageSize: 50,
    };
    expect(parseRepositoryView({})).toEqual(defaults);
    expect(
      parseRepositoryView({ filter: "everything", sort: "owner.asc", page: "-2", perPage: "7" }),
    ).toEqual(defaults);
  });
});
