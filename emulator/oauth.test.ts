import { createHash } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { GitHubEmulator } from "./start-emulator";
import { octokitFor, startTestEmulator } from "./test-helpers";

let emulator: GitHubEmulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ repositories: 30 });
});
afterAll(() => emulator.close());

const redirectUri = "http://localhost:3000/api/auth/callback/github";

async function authorize(params: Record<string, string>) {
  const url = new URL(`${emulator.serverUrl}/login/oauth/authorize`);
  for (const [key, value] of Object.entries({
    client_id: "client-1",
    redirect_uri: redirectUri,
    state: "xyz",
    scope: "read:user user:email",
    ...params,
  })) {
    url.searchParams.set(key, value);
  }
  return fetch(url, { redirect: "manual" });
}

describe("OAuth web flow", () => {
  it("shows an authorize page listing the world's users", async () => {
    const page = await authorize({});
    expect(page.status).toBe(200);
    const html = await page.text();
    const firstUser = emulator.world.accounts.find((a) => a.type === "User")?.login ?? "";
    expect(html).toContain(`data-login="${firstUser}"`);
    expect(html).toContain('name="redirect_uri"');
  });

  it("exchanges a code for a token (PKCE, JSON) that /user and /user/emails accept", async () => {
    const verifier = "a-very-long-code-verifier-with-enough-entropy-0123456789";
    const challenge = createHash("sha256").update(verifier).digest("base64url");
    const login = emulator.world.accounts.find((a) => a.type === "User")?.login ?? "";
    const approved = await authorize({ login, code_challenge: challenge, code_challenge_method: "S256" });
    expect(approved.status).toBe(302);
    const location = new URL(approved.headers.get("location") ?? "");
    expect(`${location.origin}${location.pathname}`).toBe(redirectUri);
    expect(location.searchParams.get("state")).toBe("xyz");
    expect(location.searchParams.get("iss")).toBe(`${emulator.serverUrl}/login/oauth`);
    const code = location.searchParams.get("code") ?? "";

    const wrong = await fetch(`${emulator.serverUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ client_id: "client-1", client_secret: "s", code, code_verifier: "wrong" }),
    });
    expect(await wrong.json()).toMatchObject({ error: "bad_verification_code" });

    const exchanged = await fetch(`${emulator.serverUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        client_id: "client-1",
        client_secret: "s",
        code,
        code_verifier: verifier,
        redirect_uri: redirectUri,
      }),
    });
    const token = (await exchanged.json()) as { access_token: string; token_type: string; scope: string };
    expect(token).toMatchObject({ token_type: "bearer", scope: "read:user,user:email" });
    expect(token.access_token).toMatch(/^gho_[a-z0-9]{36}$/);

    const octokit = octokitFor(emulator, token.access_token);
    const me = await octokit.users.getAuthenticated();
    expect(me.data).toMatchObject({ login, type: "User" });
    expect(typeof me.data.id).toBe("number");
    expect(me.data.avatar_url).toContain(String(me.data.id));
    expect(me.headers["x-oauth-scopes"]).toBe("read:user, user:email");
    const emails = await octokit.users.listEmailsForAuthenticatedUser();
    expect(emails.data[0]).toMatchObject({ primary: true, verified: true });

    const reused = await fetch(`${emulator.serverUrl}/login/oauth/access_token`, {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify({ client_id: "client-1", client_secret: "s", code, code_verifier: verifier }),
    });
    expect(await reused.json()).toMatchObject({ error: "bad_verification_code" });
  });

  it("answers form-encoded without Accept: application/json, and signs in logins new to the world", async () => {
    const approved = await authorize({ login: "brand-new-person" });
    const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
    const exchanged = await fetch(`${emulator.serverUrl}/login/oauth/access_token`, {
      method: "POST",
      body: new URLSearchParams({ client_id: "client-1", client_secret: "s", code }),
    });
    const fields = new URLSearchParams(await exchanged.text());
    expect(fields.get("token_type")).toBe("bearer");
    const me = await octokitFor(emulator, fields.get("access_token")).users.getAuthenticated();
    expect(me.data.login).toBe("brand-new-person");
  });

  it("honours a configured client id and secret", async () => {
    const strict = await startTestEmulator({
      repositories: 5,
      oauth: { clientId: "good", clientSecret: "secret" },
    });
    try {
      const unknown = await fetch(
        `${strict.serverUrl}/login/oauth/authorize?client_id=bad&redirect_uri=${encodeURIComponent(redirectUri)}`,
        { redirect: "manual" },
      );
      expect(unknown.status).toBe(404);
      const approved = await fetch(
        `${strict.serverUrl}/login/oauth/authorize?client_id=good&login=someone&redirect_uri=${encodeURIComponent(redirectUri)}`,
        { redirect: "manual" },
      );
      const code = new URL(approved.headers.get("location") ?? "").searchParams.get("code") ?? "";
      const denied = await fetch(`${strict.serverUrl}/login/oauth/access_token`, {
        method: "POST",
        headers: { accept: "application/json" },
        body: new URLSearchParams({ client_id: "good", client_secret: "wrong", code }),
      });
      expect(await denied.json()).toMatchObject({ error: "incorrect_client_credentials" });
    } finally {
      await strict.close();
    }
  });
});
