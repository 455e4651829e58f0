import type { EmulatorContext } from "../server/context";

const htmlEscape = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch] ?? ch,
  );

/**
 * The "Authorize application" page: pick one of the world's users or type any login. The form
 * submits back to /login/oauth/authorize with `login`, which approves and redirects.
 */
export function authorizePage(ctx: EmulatorContext, query: URLSearchParams): string {
  const hidden = ["client_id", "redirect_uri", "state", "scope", "code_challenge", "code_challenge_method"]
    .filter((name) => query.get(name) !== null)
    .map((name) => `<input type="hidden" name="${name}" value="${htmlEscape(query.get(name) ?? "")}">`)
    .join("\n      ");
  const users = ctx.index.world.accounts.filter((a) => a.type === "User").slice(0, 24);
  const buttons = users
    .map(
      (u) =>
        `<button type="submit" name="login" value="${htmlEscape(u.login)}" data-login="${htmlEscape(u.login)}">${htmlEscape(u.login)}${u.name ? ` <small>${htmlEscape(u.name)}</small>` : ""}</button>`,
    )
    .join("\n        ");
  return `<!DOCTYPE html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <title>Authorize application · GitHub emulator</title>
  <style>
    body { font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; color: #1f2328; }
    .users { display: grid; grid-template-columns: repeat(auto-fill, minmax(11rem, 1fr)); gap: .5rem; margin: 1rem 0; }
    button { padding: .5rem; border: 1px solid #d0d7de; border-radius: 6px; background: #f6f8fa; cursor: pointer; text-align: left; }
    button.primary { background: #1f883d; color: white; border-color: #1f883d; }
    small { color: #656d76; display: block; }
  </style>
</head>
<body>
  <h1>Authorize application</h1>
  <p>An application (client <code>${htmlEscape(query.get("client_id") ?? "")}</code>) wants to sign you in${query.get("scope") ? ` with scope <code>${htmlEscape(query.get("scope") ?? "")}</code>` : ""}.</p>
  <form method="get" action="/login/oauth/authorize">
      ${hidden}
    <h2>Sign in as</h2>
    <div class="users">
        ${buttons}
    </div>
  </form>
  <form method="get" action="/login/oauth/authorize">
      ${hidden}
    <label>Any other login <input name="login" required pattern="[A-Za-z0-9][A-Za-z0-9-]{0,38}" autocomplete="off"></label>
    <button type="submit" class="primary" id="authorize">Authorize</button>
  </form>
</body>
</html>
`;
}
