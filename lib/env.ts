import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { z } from "zod";

/**
 * The one place that reads the process environment. Everything else receives an `Env`
 * (so tests can pass their own) or the validated `RuntimeEnv` below.
 */
export type Env = Readonly<Record<string, string | undefined>>;

let dotEnvLoaded = false;

/** The process environment, with `.env` from the working directory filled in underneath it. */
export function processEnv(): Env {
  if (!dotEnvLoaded) {
    dotEnvLoaded = true;
    const file = resolve(process.cwd(), ".env");
    // Real environment variables win over `.env` (loadEnvFile never overwrites).
    if (existsSync(file) && typeof process.loadEnvFile === "function") process.loadEnvFile(file);
  }
  return process.env;
}

const optionalText = z
  .string()
  .optional()
  .transform((value) => (value?.trim() ? value.trim() : undefined));

const runtimeEnvSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  GLOBALLM_TEST_MODE: optionalText.transform((value) => value === "1" || value === "true"),
  GLOBALLM_CONFIG: optionalText,
  GLOBALLM_DATABASE_URL: optionalText,
  DATABASE_URL: optionalText,
  GLOBALLM_ADMINS: optionalText.transform((value) =>
    (value ?? "")
      .split(",")
      .map((login) => login.trim().toLowerCase())
      .filter(Boolean),
  ),
  GLOBALLM_AGENT_ID: optionalText,
  AUTH_SECRET: optionalText,
  AUTH_GITHUB_ID: optionalText,
  AUTH_GITHUB_SECRET: optionalText,
  PORT: optionalText,
  /** Where Next.js builds to; the e2e suite uses its own so it never disturbs `.next`. */
  GLOBALLM_NEXT_DIST_DIR: optionalText,
  HOME: optionalText,
  XDG_CONFIG_HOME: optionalText,
  XDG_DATA_HOME: optionalText,
});

export type RuntimeEnv = z.output<typeof runtimeEnvSchema>;

export function readEnv(source: Env = processEnv()): RuntimeEnv {
  return runtimeEnvSchema.parse(source);
}

/** The database URL the user chose, if any; without one GlobaLLM runs its own embedded PostgreSQL. */
export function databaseUrlFromEnv(env: RuntimeEnv): string | undefined {
  return env.GLOBALLM_DATABASE_URL ?? env.DATABASE_URL;
}
