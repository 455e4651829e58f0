/**
 * The local GitHub emulator: start it in tests and benchmarks, or run `npm run emulator`.
 * See emulator/README.md.
 */
export { HELP as EMULATOR_HELP, runEmulatorCli } from "./cli";
export { type SharedDataOptions, worldFromSharedData } from "./seed/shared-data";
export type { Faults, ResolvedFaults } from "./server/faults";
export type { RateLimitOptions } from "./server/rate-limits";
export type { EmulatorStats } from "./server/stats";
export { type GitHubEmulator, type GitHubEmulatorOptions, startGitHubEmulator } from "./start-emulator";
export { type GenerateWorldOptions, generateWorld } from "./world/generate/generate-world";
export { loadWorldFile, parseWorld, WorldError } from "./world/load-world";
export {
  type Account,
  type Issue,
  type Package,
  type Pull,
  type Repository,
  type World,
  type WorldInput,
  worldSchema,
} from "./world/world-schema";
