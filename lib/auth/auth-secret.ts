import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, linkSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RuntimeEnv } from "../env";
import { dataDir } from "../paths";

/**
 * The key Auth.js signs its cookies (CSRF, OAuth state, PKCE) with. AUTH_SECRET wins; otherwise one
 * is generated on first use and kept (0600) in the user's data directory, so `npm start` needs no
 * env file and restarts do not invalidate sign-ins in progress.
 */
export function authSecret(env: Pick<RuntimeEnv, "AUTH_SECRET" | "XDG_DATA_HOME" | "HOME">): string {
  if (env.AUTH_SECRET) return env.AUTH_SECRET;
  const directory = dataDir(env);
  const file = join(directory, "auth-secret");
  if (!existsSync(file)) createSecretFile(directory, file);
  const secret = readFileSync(file, "utf8").trim();
  if (secret.length < 32) throw new Error(`${file} does not hold a usable secret; delete it to regenerate.`);
  return secret;
}

function createSecretFile(directory: string, file: string): void {
  mkdirSync(directory, { recursive: true, mode: 0o700 });
  // Written aside and hard-linked into place: the link either wins whole or fails with EEXIST (another
  // process won; we read theirs), so no reader ever sees a half-written secret.
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, `${randomBytes(32).toString("base64url")}\n`, { mode: 0o600 });
  try {
    linkSync(temporary, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    rmSync(temporary, { force: true });
  }
  chmodSync(file, 0o600);
}
