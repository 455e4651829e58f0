import { expect, signInAs, test } from "./support/fixtures";

const screenshots = "e2e/screenshots";

test("an anonymous visit is sent to sign-in, which explains how to configure GitHub", async ({ page }) => {
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings$/);
  await expect(page.getByRole("heading", { name: "Sign in" })).toBeVisible();
  // The e2e servers run without AUTH_GITHUB_ID/SECRET, so the page must say how to set them up.
  await expect(page.getByTestId("sign-in-not-configured")).toContainText("AUTH_GITHUB_ID");
  await page.screenshot({ path: `${screenshots}/sign-in.png`, fullPage: true });
});

test("after signing in, the shell shows navigation, the user and a healthy database", async ({ page }) => {
  await signInAs(page, "e2e-shell-member", "member");
  await page.goto("/");
  const navigation = page.getByRole("navigation", { name: "Main" });
  for (const label of ["Dashboard", "Repositories", "Issues", "Assignments", "Agents", "Settings"]) {
    await expect(navigation.getByRole("link", { name: label })).toBeVisible();
  }
  await expect(navigation.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("user-login")).toHaveText("e2e-shell-member");
  await expect(page.getByTestId("user-role")).toHaveText("member");
  await expect(page.getByTestId("health-status")).toHaveAttribute("data-status", "up");
  await expect(page.getByTestId("health-status")).toContainText(/Database up\s*schema v\d+ · \d+ ms/);
  await page.screenshot({ path: `${screenshots}/dashboard.png` });

  await navigation.getByRole("link", { name: "Repositories" }).click();
  // The dev server compiles a page on its first visit; on a busy 2-core machine that takes a while.
  await expect(page.getByRole("heading", { level: 1, name: "Repositories" })).toBeVisible({
    timeout: 60_000,
  });
  await expect(navigation.getByRole("link", { name: "Repositories" })).toHaveAttribute(
    "aria-current",
    "page",
  );
});

test("signing out ends the session on the server", async ({ page }) => {
  await signInAs(page, "e2e-sign-out", "member");
  await page.goto("/agents");
  const cookie = (await page.context().cookies()).find((entry) => entry.name === "authjs.session-token");
  expect(cookie).toBeDefined();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/sign-in$/);
  // The old token no longer opens anything, even if someone kept a copy.
  const reused = await page.request.get("/api/me", {
    headers: { Cookie: `authjs.session-token=${cookie?.value}` },
  });
  expect(reused.status()).toBe(401);
});
