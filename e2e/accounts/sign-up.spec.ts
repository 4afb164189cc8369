import { expect, test, type Page } from "@playwright/test";

import { openAccountMenu, signIn, withDb } from "../support/accounts";
import { E2E_MAILBOX } from "../support/app";
import { expectNoAxeViolations } from "../support/axe";
import { firstLink, waitForMail } from "../support/mailbox";

/** Fills in and sends the sign-up form; returns the answer that replaces it. */
async function signUp(page: Page, name: string, email: string, password: string) {
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort").fill(password);
  await page.getByRole("button", { name: "Konto erstellen" }).click();
  const answer = page.getByRole("main").getByRole("status");
  await expect(answer).toBeVisible();
  return answer;
}

test.describe("signing up", () => {
  test("a reader signs up without being signed in, confirms by mail and signs in; a second sign-up with the address gets the same answer and mails the owner", async ({
    page,
  }) => {
    const email = `neu-${Date.now()}@example.org`;
    const since = Date.now();
    await page.goto("/registrieren");
    await expectNoAxeViolations(page);
    const confirmation = await signUp(page, "Greta Gründlich", email, "Apfelbaum im Oktober");
    await expect(confirmation).toContainText("Fast geschafft!");
    await expect(confirmation).toContainText(`Wir haben dir eine E-Mail an ${email} geschickt. Bestätige darin deine Adresse`);
    await expect(confirmation).toBeFocused();
    await expectNoAxeViolations(page);
    const firstAnswer = await confirmation.innerText();
    await expect(page).toHaveURL(/\/registrieren$/);
    await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden" })).toBeVisible();

    // Before the address is confirmed, signing in answers as for an unknown address: nothing to learn.
    await page.goto("/anmelden");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill("Apfelbaum im Oktober");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      /^E-Mail-Adresse oder Passwort ist falsch – oder die Adresse ist noch nicht bestätigt/,
    );

    const mail = await waitForMail(E2E_MAILBOX, email, { subject: /bestätige deine E-Mail-Adresse/, since });
    await page.goto(firstLink(mail, "/konto/bestaetigen"));
    await expect(page.getByRole("status")).toHaveText("Danke! Deine E-Mail-Adresse ist bestätigt. Du kannst jetzt kommentieren.");
    await expectNoAxeViolations(page);
    await page.getByRole("main").getByRole("link", { name: "Anmelden" }).click();
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort", { exact: true }).fill("Apfelbaum im Oktober");
    await page.getByRole("button", { name: "Anmelden" }).click();
    await expect(page).toHaveURL(/\/konto$/);
    await expect(page.getByText("(bestätigt)")).toBeVisible();
    const menu = await openAccountMenu(page, "Greta Gründlich");
    await menu.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden" })).toBeVisible();

    // Someone else tries the same address: the very same answer, and a mail to its owner instead of an account.
    const again = Date.now();
    await page.goto("/registrieren");
    expect(await (await signUp(page, "Mallory Mitleser", email, "Ganz anderes Passwort 7")).innerText()).toBe(firstAnswer);
    const notice = await waitForMail(E2E_MAILBOX, email, {
      subject: /Jemand wollte sich mit deiner E-Mail-Adresse registrieren/,
      since: again,
    });
    expect(notice.text).toContain("Hallo Greta Gründlich,");
    expect(firstLink(notice, "/anmelden")).toMatch(/\/anmelden$/);
    expect(firstLink(notice, "/passwort-vergessen")).toMatch(/\/passwort-vergessen$/);
    expect(await withDb((db) => db.user.findMany({ where: { email }, select: { name: true } }))).toEqual([{ name: "Greta Gründlich" }]);
    await signIn(page, email, "Apfelbaum im Oktober");
    await expect(page.getByRole("banner").getByText("Greta Gründlich")).toBeVisible();
  });

  test("a weak password is refused in words, and the name and address stay in the form", async ({ page }) => {
    await page.goto("/registrieren");
    await page.getByLabel("Name").fill("Karl Kurz");
    await page.getByLabel("E-Mail-Adresse").fill("karl.kurz@example.org");
    await page.getByLabel("Passwort").fill("password123");
    await page.getByRole("button", { name: "Konto erstellen" }).click();
    await expect(page.getByText("Dieses Passwort ist weit verbreitet und leicht zu erraten.")).toBeVisible();
    await expect(page.getByLabel("Name")).toHaveValue("Karl Kurz");
    await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue("karl.kurz@example.org");
    await expect(page.getByLabel("Passwort")).toHaveAttribute("aria-invalid", "true");
  });

  test("the demo accounts from the seed can sign in", async ({ page }) => {
    await signIn(page, "reader@agora.local", "demo-reader-2026");
    await expect(page.getByRole("banner").getByText("Lena Leserin")).toBeVisible();
  });
});
