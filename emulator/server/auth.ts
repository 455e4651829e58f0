import type { IncomingHttpHeaders } from "node:http";
import type { WorldIndex } from "../world/world-index";

/** Who is calling: a user behind a token, or nobody (GitHub's anonymous limits apply). */
export type Identity =
  | { kind: "anonymous"; key: string }
  | { kind: "user"; key: string; login: string; token: string; scopes: string[] }
  | { kind: "invalid"; key: string };

/** GitHub's token prefixes: classic PAT, OAuth, user-to-server, server-to-server, fine-grained. */
const CONVENTIONAL = /^(ghp_|gho_|ghu_|ghs_|github_pat_)/;
const DEFAULT_SCOPES = ["repo", "read:org", "read:user", "user:email"];

/**
 * Tokens the emulator accepts:
 * - tokens listed in the world (`world.tokens`) or passed as options map to their login;
 * - tokens issued by the OAuth flow map to the user who approved;
 * - any other token with a GitHub prefix (ghp_, gho_, ghu_, ghs_, github_pat_) maps to the
 *   default user (the first user of the world unless configured);
 * - anything else is answered 401 "Bad credentials", like a revoked token.
 */
export class TokenRegistry {
  private readonly tokens = new Map<string, { login: string; scopes: string[] }>();

  constructor(
    private readonly index: WorldIndex,
    private readonly defaultLogin: string,
  ) {
    for (const token of index.world.tokens)
      this.tokens.set(token.token, { login: token.login, scopes: token.scopes });
  }

  register(token: string, login: string, scopes: string[] = DEFAULT_SCOPES): void {
    this.index.ensureUser(login);
    this.tokens.set(token, { login, scopes });
  }

  resolve(token: string): { login: string; scopes: string[] } | undefined {
    const known = this.tokens.get(token);
    if (known) return known;
    if (CONVENTIONAL.test(token)) return { login: this.defaultLogin, scopes: DEFAULT_SCOPES };
    return undefined;
  }

  identify(headers: IncomingHttpHeaders, remoteAddress: string): Identity {
    const header = headers.authorization;
    if (!header) return { kind: "anonymous", key: `ip:${remoteAddress}` };
    const match = /^(?:token|bearer)\s+(\S+)$/i.exec(header.trim());
    if (!match?.[1]) return { kind: "invalid", key: "invalid" };
    const token = match[1];
    const found = this.resolve(token);
    if (!found) return { kind: "invalid", key: "invalid" };
    return {
      kind: "user",
      key: `user:${found.login.toLowerCase()}`,
      login: found.login,
      token,
      scopes: found.scopes,
    };
  }
}
