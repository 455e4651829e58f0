export * from "./budget-middleware";
export * from "./budgeted-model";
export * from "./input-token-bound";
export * from "./model-settings";
