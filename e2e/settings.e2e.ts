import { and, eq } from "drizzle-orm";
import { events, settings } from "../lib/db/schema";
import { E2E_DIST_DIR } from "./support/environment";
import { expect, signInAs, test } from "./support/fixtures";
import { builtActions, callAction } from "./support/server-actions";

const screenshots = "e2e/screenshots";

test("a member sees settings read-only and is refused by the server when posting the admin action", async ({
  page,
  database,
}) => {
  await signInAs(page, "e2e-settings-member", "member");
  await page.goto("/settings");
  await expect(page.getByRole("heading", { level: 1, name: "Settings" })).toBeVisible();
  await expect(page.getByText("Read-only: admins edit")).toBeVisible();
  const row = page.getByTestId("setting-filters.min_forks");
  await expect(row).toContainText("0");
  await expect(page.getByRole("button", { name: "Save" })).toHaveCount(0);
  await expect(page.locator("main input, main select, main textarea")).toHaveCount(0);
  await expect(page.getByTestId("health-status")).not.toHaveAttribute("data-status", "checking");
  await page.screenshot({ path: `${screenshots}/settings-member.png` });

  // Hidden controls are not the protection: forge the admin action's request with valid input.
  const cookie = (await page.context().cookies())
    .filter((entry) => entry.name === "authjs.session-token")
    .map((entry) => `${entry.name}=${entry.value}`)
    .join("; ");
  const update = builtActions(`${E2E_DIST_DIR}/dev`).find((action) => action.exportName === "updateSetting");
  expect(update, "the dev server compiled /settings and its actions").toBeDefined();
  const { result } = await callAction(
    page.request,
    update!,
    [{ key: "filters.min_forks", value: "77" }],
    cookie,
  );
  expect(result).toMatchObject({ error: { code: "forbidden:auth" } });
  const api = await page.request.put("/api/settings/filters.min_forks", { data: { value: "77" } });
  expect(api.status()).toBe(403);
  const stored = await database.select().from(settings).where(eq(settings.key, "filters.min_forks"));
  expect(stored).toEqual([]);
});

test("an admin changes a setting, sees bad input refused beside the field, and the change persists", async ({
  page,
  database,
}) => {
  await signInAs(page, "e2e-settings-admin", "admin");
  await page.goto("/settings");
  await expect(page.getByText("You can edit")).toBeVisible();
  const row = page.getByTestId("setting-filters.min_stars");
  const input = row.getByRole("textbox", { name: "filters.min_stars" });

  await input.fill("lots");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("alert")).toContainText("filters.min_stars");
  await expect(row.getByRole("alert")).toContainText("whole number");
  await expect(input).toHaveAttribute("aria-invalid", "true");
  await expect(input, "the refused value stays in the field").toHaveValue("lots");
  await page.screenshot({ path: `${screenshots}/settings-admin-error.png` });

  await input.fill("4321");
  await row.getByRole("button", { name: "Save" }).click();
  await expect(row.getByRole("status")).toHaveText("Saved.");
  await expect(row.getByText("team value")).toBeVisible();

  await page.reload();
  await expect(page.getByTestId("setting-filters.min_stars").getByRole("textbox")).toHaveValue("4321");
  const [stored] = await database.select().from(settings).where(eq(settings.key, "filters.min_stars"));
  expect(stored).toMatchObject({ value: 4321, updatedBy: "user:e2e-settings-admin" });
  const audit = await database
    .select()
    .from(events)
    .where(and(eq(events.subjectId, "filters.min_stars"), eq(events.actor, "user:e2e-settings-admin")));
  expect(audit.at(-1)?.data).toEqual({ before: 1000, after: 4321 });
  await page.screenshot({ path: `${screenshots}/settings-admin.png` });

  await page
    .getByTestId("setting-filters.min_stars")
    .getByRole("button", { name: "Reset to default" })
    .click();
  await expect(page.getByTestId("setting-filters.min_stars").getByRole("textbox")).toHaveValue("1000");
});
