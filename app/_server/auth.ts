import NextAuth, { type NextAuthConfig } from "next-auth";
import GitHub from "next-auth/providers/github";
import { authAdapter } from "@/lib/auth/adapter";
import { authSecret } from "@/lib/auth/auth-secret";
import {
  type GitHubProfile,
  githubOAuthClient,
  githubOAuthEndpoints,
  userFromGitHubProfile,
} from "@/lib/auth/github";
import { syncSignedInUser } from "@/lib/auth/users";
import { processDatabase } from "@/lib/db/process-database";
import type { MachineSettings } from "@/lib/settings/machine";

/**
 * Auth.js handles the GitHub OAuth dance and writes users, accounts and sessions through its
 * Drizzle adapter. The config is built per request (lazy form) because the endpoints come from
 * machine settings and the adapter needs the process's database connection.
 */
export const { handlers, signIn } = NextAuth(async () => {
  const { machine, connection } = processDatabase();
  const db = (await connection).db;
  const admins = machine.runtime.GLOBALLM_ADMINS;
  return {
    adapter: authAdapter(db, admins),
    providers: githubProviders(machine),
    session: { strategy: "database" },
    secret: authSecret(machine.runtime),
    // Self-hosted: the app is reached under whatever host the operator chose. AUTH_URL pins it.
    trustHost: true,
    pages: { signIn: "/sign-in", error: "/sign-in" },
    events: {
      async signIn({ user, profile }) {
        const login = (profile as GitHubProfile | undefined)?.login;
        if (user.id && login) await syncSignedInUser(db, user.id, login, admins);
      },
    },
    logger: {
      // Auth.js errors can carry provider responses; log the kind and message only.
      error: (error) => console.error(`[auth] ${describeAuthError(error)}`),
      warn: (code) => console.warn(`[auth] warning: ${code}`),
      debug: () => {},
    },
  } satisfies NextAuthConfig;
});

function githubProviders(machine: MachineSettings): NextAuthConfig["providers"] {
  const client = githubOAuthClient(machine.runtime);
  if (!client) return [];
  const endpoints = githubOAuthEndpoints(machine);
  return [
    GitHub({
      ...client,
      issuer: endpoints.issuer,
      authorization: { url: endpoints.authorization, params: { scope: "read:user user:email" } },
      token: endpoints.token,
      userinfo: {
        url: endpoints.user,
        // GitHub's own request, but against our API URL (the stock provider hard-codes api.github.com
        // or <server>/api/v3, which the emulator does not serve).
        async request({ tokens }: { tokens: { access_token?: string } }) {
          const headers = { Authorization: `Bearer ${tokens.access_token}`, "User-Agent": "globallm" };
          const profile = (await (await fetch(endpoints.user, { headers })).json()) as GitHubProfile;
          if (!profile.email) {
            const response = await fetch(endpoints.emails, { headers });
            if (response.ok) {
              const emails = (await response.json()) as { email: string; primary?: boolean }[];
              profile.email = (emails.find((entry) => entry.primary) ?? emails[0])?.email ?? null;
            }
          }
          return profile;
        },
      },
      profile: (profile) => userFromGitHubProfile(profile as unknown as GitHubProfile),
    }),
  ];
}

/** Auth.js wraps the real failure: its `type` names the step, `cause.err` says what went wrong. */
function describeAuthError(error: Error & { type?: string }): string {
  const cause = (error.cause as { err?: unknown } | undefined)?.err;
  const reason = cause instanceof Error ? `${cause.name}: ${cause.message}` : error.message;
  return `${error.type ?? error.name}: ${reason}`;
}

export function githubSignInConfigured(machine: MachineSettings): boolean {
  return githubOAuthClient(machine.runtime) !== undefined;
}
