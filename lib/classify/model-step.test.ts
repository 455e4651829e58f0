import { describe, expect, it, vi } from "vitest";
import { classifyIssueWithModel, type IssueModelClassifier, type ModelIssueInput } from "./model-step";

describe("classifyIssueWithModel", () => {
  const model = (verdict: Awaited<ReturnType<IssueModelClassifier["classify"]>>) => ({
    classify: vi.fn<IssueModelClassifier["classify"]>(async () => verdict),
  });
  const issue = (fields: Partial<ModelIssueInput> & { title: string }): ModelIssueInput => ({
    id: 7,
    repositoryId: 3,
    updatedAt: new Date("2025-01-02T03:04:05Z"),
    body: "",
    ...fields,
  });

  it("asks the model when the labels do not decide, with the issue's identity, and says so", async () => {
    const llm = model({ category: "performance", severity: "high", confidence: 0.9, reason: "slow queries" });
    const result = await classifyIssueWithModel(issue({ title: "Queries got slow" }), { model: llm });
    expect(result).toMatchObject({
      category: "performance",
      severity: "high",
      source: "llm",
      reason: "slow queries",
    });
    expect(llm.classify).toHaveBeenCalledWith(
      issue({ title: "Queries got slow" }),
      expect.objectContaining({ source: "text" }),
    );
  });

  it("never second-guesses labels, and keeps the offline verdict when the model declines", async () => {
    const llm = model(undefined);
    const labelled = await classifyIssueWithModel(issue({ title: "x", labels: ["bug"] }), { model: llm });
    expect(labelled.source).toBe("labels");
    expect(llm.classify).not.toHaveBeenCalled();
    const declined = await classifyIssueWithModel(issue({ title: "Add dark mode" }), { model: llm });
    expect(declined.source).toBe("text");
  });

  it("leaves text verdicts at or above the confidence bar alone", async () => {
    const llm = model({ category: "other", severity: "low", confidence: 0.9 });
    const sure = await classifyIssueWithModel(issue({ title: "Add dark mode" }), {
      model: llm,
      modelBelowConfidence: 0,
    });
    expect(sure.source).toBe("text");
    expect(llm.classify).not.toHaveBeenCalled();
  });
});
