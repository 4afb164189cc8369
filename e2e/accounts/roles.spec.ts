import { expect, test } from "@playwright/test";

import { createAccount, openAccountMenu, signIn } from "../support/accounts";
import { expectNoAxeViolations } from "../support/axe";

test("a signed-out visitor who opens an admin page is sent to sign in", async ({ page }) => {
  await page.goto("/admin/benutzer");
  await expect(page).toHaveURL(/\/anmelden\?callbackUrl=%2Fadmin%2Fbenutzer$/);
});

test("a reader who opens an admin or moderation page is refused", async ({ page }) => {
  const reader = await createAccount("READER");
  await signIn(page, reader.email, reader.password);
  for (const path of ["/admin/benutzer", "/moderation"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  }
  await expectNoAxeViolations(page);
});

test("an admin promotes a reader to editor, who then reaches the moderation area", async ({ page, browser }) => {
  const reader = await createAccount("READER", `Berta Befördert ${Date.now()}`);
  await signIn(page, "admin@agora.local", "demo-admin-2026");
  const menu = await openAccountMenu(page, "Ada Admin");
  await menu.getByRole("link", { name: "Benutzer" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Benutzer" })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByLabel("Name oder E-Mail-Adresse").fill("berta befördert");
  await page.getByRole("main").getByRole("button", { name: "Suchen" }).click();
  await expect(page.getByRole("status").first()).toHaveText("1 Konto");
  const row = page.getByRole("row").filter({ hasText: reader.email });
  await row.getByLabel(`Rolle von ${reader.name}`).selectOption({ label: "Redaktion" });
  await row.getByRole("button", { name: "Rolle speichern" }).click();
  await expect(row.getByRole("status")).toHaveText(`${reader.name} hat jetzt die Rolle Redaktion.`);

  const editorPage = await browser.newPage();
  await signIn(editorPage, reader.email, reader.password);
  const editorMenu = await openAccountMenu(editorPage, reader.name);
  await editorMenu.getByRole("link", { name: "Moderation" }).click();
  // The moderation area opens on the pending queue.
  await expect(editorPage).toHaveURL(/\/moderation\/ausstehend$/);
  await expect(editorPage.getByRole("heading", { level: 1, name: "Ausstehend" })).toBeVisible();
  await editorPage.close();
});

test("the last admin cannot take away their own admin role", async ({ page }) => {
  await signIn(page, "admin@agora.local", "demo-admin-2026");
  await page.goto("/admin/benutzer?q=admin%40agora.local");
  const row = page.getByRole("row").filter({ hasText: "admin@agora.local" });
  await row.getByLabel("Rolle von Ada Admin").selectOption({ label: "Leser:in" });
  await row.getByRole("button", { name: "Rolle speichern" }).click();
  await expect(row.getByRole("alert")).toHaveText(
    "Agora braucht mindestens ein Konto mit Administrationsrechten. Ernenne zuerst jemand anderen.",
  );
});
