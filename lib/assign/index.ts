export * from "./assignment-settings";
export * from "./assignment-status";
export * from "./available-channel";
export * from "./claim-next-issue";
export * from "./finish-issue";
export * from "./lease";
export * from "./release";
export * from "./types";
