import { type Browser, expect } from "@playwright/test";
import type { GitHubEmulator } from "../../emulator/start-emulator";

/**
 * Signs `login` in with GitHub (Auth.js against the emulator's OAuth endpoints) in a fresh browser
 * context: opens `path`, is sent to sign-in, clicks "Sign in with GitHub", and lands back on
 * `path`. The emulator approves at once for `?login=NAME` (its test shortcut for the consent page).
 */
export async function signInWithGitHub(
  browser: Browser,
  options: { serverUrl: string; emulator: GitHubEmulator; login: string; path?: string },
) {
  const path = options.path ?? "/settings";
  const context = await browser.newContext({ baseURL: options.serverUrl });
  const page = await context.newPage();
  await page.route(`${options.emulator.serverUrl}/login/oauth/authorize?**`, (route) => {
    const url = new URL(route.request().url());
    url.searchParams.set("login", options.login);
    return route.continue({ url: url.toString() });
  });
  await page.goto(path);
  await expect(page).toHaveURL(`${options.serverUrl}/sign-in?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByRole("button", { name: "Sign in with GitHub" }).click();
  await expect(page).toHaveURL(`${options.serverUrl}${path}`);
  await expect(page.getByTestId("user-login")).toHaveText(options.login);
  return { context, page };
}
