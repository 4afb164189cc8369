import { expect, test } from "@playwright/test";
import { E2E_MAILBOX } from "../support/app";
import { signIn, openAccountMenu } from "../support/accounts";
import { expectNoAxeViolations } from "../support/axe";
import { firstLink, waitForMail } from "../support/mailbox";

test.describe("signing up", () => {
  test("a reader signs up, confirms the mailed link, signs out and signs in again", async ({ page }) => {
    const email = `neu-${Date.now()}@example.org`;
    const since = Date.now();
    await page.goto("/registrieren");
    await expectNoAxeViolations(page);
    await page.getByLabel("Name").fill("Greta Gründlich");
    await page.getByLabel("E-Mail-Adresse").fill(email);
    await page.getByLabel("Passwort").fill("Apfelbaum im Oktober");
    await page.getByRole("button", { name: "Konto erstellen" }).click();

    await expect(page).toHaveURL(/\/konto\?willkommen=1$/);
    await expect(page.getByRole("status")).toContainText(`Wir haben dir eine E-Mail an ${email} geschickt`);
    await expect(page.getByText("Deine E-Mail-Adresse ist noch nicht bestätigt.")).toBeVisible();
    await expectNoAxeViolations(page);

    const mail = await waitForMail(E2E_MAILBOX, email, { subject: /bestätige deine E-Mail-Adresse/, since });
    await page.goto(firstLink(mail, "/konto/bestaetigen"));
    await expect(page.getByRole("status")).toHaveText("Danke! Deine E-Mail-Adresse ist bestätigt. Du kannst jetzt kommentieren.");
    await page.goto("/konto");
    await expect(page.getByText("(bestätigt)")).toBeVisible();
    await expect(page.getByText("Deine E-Mail-Adresse ist noch nicht bestätigt.")).toHaveCount(0);

    const menu = await openAccountMenu(page, "Greta Gründlich");
    await menu.getByRole("button", { name: "Abmelden" }).click();
    await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden" })).toBeVisible();

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
