import type { RuntimeEnv } from "../env";
import { type MachineSettings, machineValue } from "../settings/machine";

/**
 * Where GitHub sign-in talks to. Both follow the machine settings github.server_url and
 * github.api_url (GITHUB_SERVER_URL / GITHUB_API_URL), so GitHub Enterprise and the local GitHub
 * emulator work exactly like github.com.
 */
export interface GitHubOAuthEndpoints {
  /** GitHub names itself so in OAuth responses (RFC 9207 `iss`). */
  issuer: string;
  authorization: string;
  token: string;
  user: string;
  emails: string;
}

export function githubOAuthEndpoints(machine: MachineSettings): GitHubOAuthEndpoints {
  const server = trimSlash(machineValue<string>(machine, "github.server_url"));
  const api = trimSlash(machineValue<string>(machine, "github.api_url"));
  return {
    issuer: `${server}/login/oauth`,
    authorization: `${server}/login/oauth/authorize`,
    token: `${server}/login/oauth/access_token`,
    user: `${api}/user`,
    emails: `${api}/user/emails`,
  };
}

export interface GitHubOAuthClient {
  clientId: string;
  clientSecret: string;
}

/** The OAuth app's credentials, or undefined when sign-in is not configured on this server. */
export function githubOAuthClient(env: RuntimeEnv): GitHubOAuthClient | undefined {
  if (!env.AUTH_GITHUB_ID || !env.AUTH_GITHUB_SECRET) return undefined;
  return { clientId: env.AUTH_GITHUB_ID, clientSecret: env.AUTH_GITHUB_SECRET };
}

/** The part of GitHub's `GET /user` answer we keep. */
export interface GitHubProfile {
  id: number;
  login: string;
  name?: string | null;
  email?: string | null;
  avatar_url?: string | null;
}

/** Maps a GitHub profile to the user row Auth.js creates; `login` lands in users.login. */
export function userFromGitHubProfile(profile: GitHubProfile) {
  return {
    id: String(profile.id),
    login: profile.login,
    name: profile.name ?? profile.login,
    email: profile.email ?? null,
    image: profile.avatar_url ?? null,
  };
}

function trimSlash(url: string): string {
  return url.replace(/\/+$/, "");
}
