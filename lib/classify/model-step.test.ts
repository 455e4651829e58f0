import { describe, expect, it, vi } from "vitest";
import { classifyIssueWithModel, type IssueModelClassifier } from "./model-step";

describe("classifyIssueWithModel", () => {
  const model = (verdict: Awaited<ReturnType<IssueModelClassifier["classify"]>>) => ({
    classify: vi.fn<IssueModelClassifier["classify"]>(async () => verdict),
  });

  it("asks the model when the labels do not decide, and says so", async () => {
    const llm = model({ category: "performance", severity: "high", confidence: 0.9, reason: "slow queries" });
    const result = await classifyIssueWithModel({ title: "Queries got slow", body: "" }, { model: llm });
    expect(result).toMatchObject({
      category: "performance",
      severity: "high",
      source: "llm",
      reason: "slow queries",
    });
    expect(llm.classify).toHaveBeenCalledWith(
      { title: "Queries got slow", body: "" },
      expect.objectContaining({ source: "text" }),
    );
  });

  it("never second-guesses labels, and keeps the offline verdict when the model declines", async () => {
    const llm = model(undefined);
    const labelled = await classifyIssueWithModel({ title: "x", labels: ["bug"] }, { model: llm });
    expect(labelled.source).toBe("labels");
    expect(llm.classify).not.toHaveBeenCalled();
    const declined = await classifyIssueWithModel({ title: "Add dark mode", body: "" }, { model: llm });
    expect(declined.source).toBe("text");
  });
});
