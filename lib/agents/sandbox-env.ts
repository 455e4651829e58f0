import type { Env } from "../env";
import { envNameFor } from "../settings/define";
import { settingDefinitions } from "../settings/keys";

// Names that carry credentials by convention, whatever tool reads them (CI tokens, cloud keys, …).
const secretName =
  /(^|_)(TOKEN|SECRET|PASSWORD|PASSWD|API_?KEY|PRIVATE_?KEY|CREDENTIALS?|AUTH|SESSION|COOKIE)(_|$)/i;

// Only what a build or test run inside an agent's checkout plausibly needs.
const allowed = new Set(["PATH", "HOME", "LANG", "LC_ALL", "TERM", "TZ", "TMPDIR", "CI", "NODE_ENV"]);

/**
 * The environment an agent's sandbox (the processes it runs in its checkout) may see: a short
 * allow-list, minus anything secret — every setting marked secret (GitHub token, model API key,
 * database URL) under all its environment names, and any name that looks like a credential. The
 * worker keeps the keys; the agent asks the worker, which makes the call through the budget.
 */
export function sandboxEnv(env: Env, extra: Record<string, string> = {}): Record<string, string> {
  const secrets = new Set(
    settingDefinitions
      .filter((definition) => definition.secret)
      .flatMap((definition) => [envNameFor(definition.key), ...(definition.envAliases ?? [])]),
  );
  secrets.add("GLOBALLM_DATABASE_URL");
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries({ ...pick(env), ...extra })) {
    if (value === undefined || secrets.has(name) || secretName.test(name)) continue;
    result[name] = value;
  }
  return result;
}

function pick(env: Env): Record<string, string | undefined> {
  return Object.fromEntries(Object.entries(env).filter(([name]) => allowed.has(name)));
}
