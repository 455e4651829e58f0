import { DrizzleAdapter } from "@auth/drizzle-adapter";
import type { Database } from "../db/client";
import { accounts, sessions, users, verificationTokens } from "../db/schema";
import { createSignedInUser } from "./users";

type Adapter = ReturnType<typeof DrizzleAdapter>;
type AdapterUser = Parameters<NonNullable<Adapter["createUser"]>>[0];

/**
 * Auth.js's Drizzle adapter over our tables, with two changes:
 * - new users get their role (first user or GLOBALLM_ADMINS: admin) under an advisory lock;
 * - GitHub's OAuth tokens are dropped before the account row is written. Sign-in only needs the
 *   account link; a user token at rest would be a secret nobody uses.
 */
export function authAdapter(db: Database, admins: readonly string[]): Adapter {
  const base = DrizzleAdapter(db, {
    usersTable: users,
    accountsTable: accounts,
    sessionsTable: sessions,
    verificationTokensTable: verificationTokens,
  });
  return {
    ...base,
    async createUser(data: AdapterUser) {
      const { id: _providerId, login, ...profile } = data as AdapterUser & { login?: string };
      if (!login) throw new Error("GitHub profile without a login");
      const user = await createSignedInUser(db, { ...profile, login }, admins);
      return { ...user, email: user.email ?? "" } as AdapterUser;
    },
    async linkAccount(account) {
      const { access_token: _access, refresh_token: _refresh, id_token: _id, ...link } = account;
      await base.linkAccount?.(link);
    },
  };
}
