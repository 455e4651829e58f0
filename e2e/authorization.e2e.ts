import { type ActionEntry, discoverAppSurface } from "./support/app-surface";
import { expect, sessionCookie, test } from "./support/fixtures";
import { type BuiltAction, builtActions, callAction } from "./support/server-actions";

/**
 * Every page, route handler and server action in the app, found in the file tree and the source
 * (never a hand-kept list), is called against a production build: anonymous callers must be
 * refused, members must be refused what is for admins, and each call must really reach the guard.
 */
test.use({ server: "production" });

const surface = discoverAppSurface();

// The only doors open to anonymous callers, each with its reason. Anything else that is public,
// or not built with route()/action(), fails the first test; an entry that no longer exists too.
const publicPages: Record<string, string> = {
  "app/sign-in/page.tsx": "where anonymous visitors sign in",
};
const publicRoutes: Record<string, string> = {
  "GET app/api/health/route.ts": "database status for load balancers and the status badge",
  "GET app/api/auth/[...nextauth]/route.ts": "Auth.js: OAuth redirects, callback, CSRF token",
  "POST app/api/auth/[...nextauth]/route.ts": "Auth.js: OAuth sign-in and sign-out",
  "POST app/api/test/sign-in/route.ts": "e2e-only sign-in; must answer 404 in a production build",
};
const publicActions: Record<string, string> = {
  "app/sign-in/actions.ts#signInWithGitHub": "starts GitHub sign-in",
};

// Not an object: every action's input schema is a z.object, so this fails validation before the
// action body runs — an admin reaching an action proves the guard let them through, harmlessly.
const PROBE = "e2e-authorization-probe";
const actionKey = (action: { file: string; exportName: string }) => `${action.file}#${action.exportName}`;
const routeKey = (route: { method: string; file: string }) => `${route.method} ${route.file}`;

test("every door is built with the guard, and only the listed ones are public", () => {
  // Discovery itself works (it would otherwise pass vacuously).
  expect(surface.pages.map((page) => page.path)).toEqual(
    expect.arrayContaining(["/", "/settings", "/sign-in"]),
  );
  expect(surface.routes.map(routeKey)).toContain("GET app/api/health/route.ts");
  expect(surface.actions.map(actionKey)).toContain("app/(app)/settings/actions.ts#updateSetting");

  expect(
    surface.inlineServerDirectives,
    "inline 'use server' actions cannot be enumerated; use a 'use server' module with action()",
  ).toEqual([]);
  for (const route of surface.routes) {
    const listed = routeKey(route) in publicRoutes;
    if (route.role === "unwrapped" || route.role === "public") {
      expect(listed, `${routeKey(route)} must be built with route({ role: "member" | "admin" }, …)`).toBe(
        true,
      );
    } else {
      expect(listed, `${routeKey(route)} is listed as public but declares role ${route.role}`).toBe(false);
    }
  }
  for (const action of surface.actions) {
    const listed = actionKey(action) in publicActions;
    expect(action.role, `${actionKey(action)} must be built with action({ role, input }, …)`).not.toBe(
      "unwrapped",
    );
    expect(listed, `${actionKey(action)}: public actions must be listed here`).toBe(action.role === "public");
  }
  for (const key of Object.keys(publicRoutes))
    expect(surface.routes.map(routeKey), "stale public route").toContain(key);
  for (const key of Object.keys(publicActions))
    expect(surface.actions.map(actionKey), "stale public action").toContain(key);
  for (const key of Object.keys(publicPages))
    expect(
      surface.pages.map((page) => page.file),
      "stale public page",
    ).toContain(key);
});

test("triage is open to members and admins, the weights and thresholds to admins only", () => {
  const roles = Object.fromEntries(surface.actions.map((action) => [actionKey(action), action.role]));
  // There is no read-only role: every signed-in person is a member or an admin, so "viewers"
  // are the anonymous callers the tests below refuse everywhere.
  for (const name of ["pinIssue", "skipIssue", "recategorizeIssue"])
    expect(roles[`app/(app)/issues/actions.ts#${name}`], name).toBe("member");
  expect(roles["app/(app)/settings/weights/actions.ts#updateWeights"]).toBe("admin");
  expect(surface.pages.map((page) => page.path)).toEqual(
    expect.arrayContaining(["/issues", "/settings/weights"]),
  );
});

for (const page of surface.pages) {
  test(`page ${page.path} (${page.file}) ${page.file in publicPages ? "is public" : "sends anonymous visitors to sign-in"}`, async ({
    request,
  }) => {
    const response = await request.get(page.path, { maxRedirects: 0 });
    if (page.file in publicPages) {
      expect(response.status()).toBe(200);
      return;
    }
    expect(response.status()).toBe(307);
    const location = new URL(response.headers().location ?? "", "http://x");
    expect(location.pathname).toBe("/sign-in");
    if (page.path !== "/") expect(location.searchParams.get("callbackUrl")).toBe(page.path);
  });
}

for (const route of surface.routes) {
  const key = routeKey(route);
  test(`route ${route.method} ${route.path} ${expectation(key in publicRoutes ? "public" : route.role)}`, async ({
    request,
    database,
  }) => {
    const call = (cookie?: string) =>
      request.fetch(route.path, {
        method: route.method,
        headers: cookie ? { Cookie: cookie } : {},
        maxRedirects: 0,
      });
    if (key in publicRoutes) {
      const response = await call();
      if (key === "POST app/api/test/sign-in/route.ts") expect(response.status()).toBe(404);
      else if (key === "GET app/api/health/route.ts") expect(response.status()).toBe(200);
      else expect(response.status()).toBeLessThan(500);
      return;
    }
    const anonymous = await call();
    expect(anonymous.status()).toBe(401);
    expect((await anonymous.json()).error.code).toBe("unauthorized:auth");

    const member = await call(await sessionCookie(database, "authz-route-member", "member"));
    if (route.role === "admin") {
      expect(member.status()).toBe(403);
      expect((await member.json()).error.code).toBe("forbidden:auth");
      const admin = await call(await sessionCookie(database, "authz-route-admin", "admin"));
      expect([401, 403]).not.toContain(admin.status());
    } else {
      expect([401, 403]).not.toContain(member.status());
    }
  });
}

test("the production build knows exactly the server actions the source declares", () => {
  const built = builtActions().filter((action) => /^(app|components)\//.test(action.file));
  expect(built.map(actionKey).sort()).toEqual(surface.actions.map(actionKey).sort());
});

for (const action of surface.actions) {
  test(`action ${actionKey(action)} ${expectation(action.role)}`, async ({ request, database }) => {
    const built = findBuilt(action);
    const codeFor = async (cookie?: string) => {
      const { result } = await callAction(request, built, [PROBE], cookie);
      return (result as { error?: { code?: string } }).error?.code;
    };
    const member = await sessionCookie(database, "authz-action-member", "member");
    const admin = await sessionCookie(database, "authz-action-admin", "admin");
    if (action.role === "public") {
      expect(await codeFor()).toBe("bad_request:api");
      return;
    }
    expect(await codeFor()).toBe("unauthorized:auth");
    expect(await codeFor(member)).toBe(action.role === "admin" ? "forbidden:auth" : "bad_request:api");
    expect(await codeFor(admin)).toBe("bad_request:api");
  });
}

function expectation(role: string): string {
  if (role === "public") return "is open to anonymous callers (listed)";
  if (role === "admin") return "refuses anonymous callers and members";
  return "refuses anonymous callers, admits members";
}

let built: BuiltAction[] | undefined;
function findBuilt(action: ActionEntry): BuiltAction {
  // Read lazily: the manifest is written by this run's build, after the spec files are loaded.
  built ??= builtActions();
  const match = built.find((entry) => actionKey(entry) === actionKey(action));
  if (!match)
    throw new Error(`${actionKey(action)} is not in the build: no page uses it, so nothing can call it`);
  return match;
}
