export * from "./agents";
export * from "./auth";
export * from "./budget";
export * from "./events";
export * from "./github";
export * from "./issues";
export * from "./repositories";
export * from "./settings";
