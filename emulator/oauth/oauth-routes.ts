import { createHash } from "node:crypto";
import type { EmulatorContext } from "../server/context";
import type { EmulatorRequest, EmulatorResponse, Router } from "../server/router";
import { hashString } from "../world/random";
import { authorizePage } from "./authorize-page";

interface Grant {
  login: string;
  clientId: string;
  redirectUri: string;
  scope: string;
  codeChallenge: string | null;
  codeChallengeMethod: string | null;
  expiresAt: number;
}

export interface OAuthOptions {
  /** When set, only this client id/secret pair is accepted; otherwise any pair is. */
  clientId?: string;
  clientSecret?: string;
}

const LOGIN_RE = /^[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})$/;
const ERROR_URI =
  "https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors";

/**
 * GitHub's OAuth web flow, enough for next-auth's GitHub provider: an authorize page (or
 * `?login=NAME` to approve at once, for tests), a redirect with `code`, `state` and `iss`, and the
 * token exchange with PKCE. Issued tokens (gho_…) map to the approving user.
 */
export function registerOAuthRoutes(router: Router, ctx: EmulatorContext, options: OAuthOptions = {}): void {
  const grants = new Map<string, Grant>();
  let issued = 0;
  const secretFor = (kind: string, length: number) => {
    issued++;
    let out = "";
    for (let round = 0; out.length < length; round++)
      out += hashString(`${kind}:${issued}:${round}:${ctx.index.world.seed ?? 0}`).toString(36);
    return out.slice(0, length);
  };

  const approve = (request: EmulatorRequest, login: string): EmulatorResponse => {
    const q = request.query;
    const redirectUri = q.get("redirect_uri") ?? "";
    let target: URL;
    try {
      target = new URL(redirectUri);
    } catch {
      return {
        status: 400,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: "<p>The redirect_uri MUST match the registered callback URL for this application.</p>",
      };
    }
    const account = ctx.index.ensureUser(login);
    const code = secretFor("code", 20);
    grants.set(code, {
      login: account.login,
      clientId: q.get("client_id") ?? "",
      redirectUri,
      scope: q.get("scope") ?? "",
      codeChallenge: q.get("code_challenge"),
      codeChallengeMethod: q.get("code_challenge_method"),
      expiresAt: ctx.clock().getTime() + 10 * 60_000,
    });
    target.searchParams.set("code", code);
    const state = q.get("state");
    if (state !== null) target.searchParams.set("state", state);
    // RFC 9207: GitHub names itself in the authorization response.
    target.searchParams.set("iss", `${ctx.urls.server}/login/oauth`);
    return { status: 302, headers: { location: target.toString() }, body: "" };
  };

  router.add(
    "GET",
    "/login/oauth/authorize",
    (request) => {
      const clientId = request.query.get("client_id");
      if (!clientId || (options.clientId && clientId !== options.clientId)) {
        return {
          status: 404,
          headers: { "content-type": "text/html; charset=utf-8" },
          body: "<h1>404</h1><p>Unknown OAuth application (client_id).</p>",
        };
      }
      const login = request.query.get("login");
      if (login) {
        if (!LOGIN_RE.test(login))
          return {
            status: 422,
            headers: { "content-type": "text/html; charset=utf-8" },
            body: "<p>Not a valid GitHub login.</p>",
          };
        return approve(request, login);
      }
      return {
        status: 200,
        headers: { "content-type": "text/html; charset=utf-8" },
        body: authorizePage(ctx, request.query),
      };
    },
    { resource: null, api: false },
  );

  router.add(
    "POST",
    "/login/oauth/access_token",
    (request) => {
      const contentType = String(request.headers["content-type"] ?? "");
      let params: Record<string, string> = {};
      if (contentType.includes("application/json")) {
        try {
          params = JSON.parse(request.body || "{}");
        } catch {
          params = {};
        }
      } else {
        params = Object.fromEntries(new URLSearchParams(request.body));
      }
      // Clients may authenticate with HTTP Basic (client_secret_basic) instead of form fields.
      const basic = /^Basic\s+(.+)$/i.exec(String(request.headers.authorization ?? ""));
      if (basic?.[1]) {
        const [id, secret] = Buffer.from(basic[1], "base64").toString("utf8").split(":");
        params.client_id ??= decodeURIComponent(id ?? "");
        params.client_secret ??= decodeURIComponent(secret ?? "");
      }
      const json = String(request.headers.accept ?? "").includes("application/json");
      const reply = (fields: Record<string, string>): EmulatorResponse =>
        json
          ? { status: 200, cacheable: false, body: fields }
          : {
              status: 200,
              cacheable: false,
              headers: { "content-type": "application/x-www-form-urlencoded; charset=utf-8" },
              body: new URLSearchParams(fields).toString(),
            };
      const fail = (error: string, description: string) =>
        reply({ error, error_description: description, error_uri: ERROR_URI });

      if (
        options.clientId &&
        (params.client_id !== options.clientId || params.client_secret !== options.clientSecret)
      ) {
        return fail(
          "incorrect_client_credentials",
          "The client_id and/or client_secret passed are incorrect.",
        );
      }
      const grant = params.code ? grants.get(params.code) : undefined;
      if (
        !grant ||
        grant.expiresAt < ctx.clock().getTime() ||
        (params.client_id && params.client_id !== grant.clientId)
      ) {
        return fail("bad_verification_code", "The code passed is incorrect or expired.");
      }
      if (params.redirect_uri && params.redirect_uri !== grant.redirectUri) {
        return fail(
          "redirect_uri_mismatch",
          "The redirect_uri MUST match the registered callback URL for this application.",
        );
      }
      if (grant.codeChallenge) {
        const verifier = params.code_verifier ?? "";
        const computed =
          grant.codeChallengeMethod === "S256"
            ? createHash("sha256").update(verifier).digest("base64url")
            : verifier;
        if (computed !== grant.codeChallenge)
          return fail("bad_verification_code", "The code passed is incorrect or expired.");
      }
      grants.delete(params.code ?? "");
      const token = `gho_${secretFor("token", 36)}`;
      const scopes = grant.scope.split(/[\s,]+/).filter(Boolean);
      ctx.tokens.register(token, grant.login, scopes);
      return reply({ access_token: token, token_type: "bearer", scope: scopes.join(",") });
    },
    { resource: null, api: false },
  );
}
