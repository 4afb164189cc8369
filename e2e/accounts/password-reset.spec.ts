import { expect, test } from "@playwright/test";

import { createAccount, signIn } from "../support/accounts";
import { E2E_MAILBOX } from "../support/app";
import { expectNoAxeViolations } from "../support/axe";
import { firstLink, waitForMail } from "../support/mailbox";

test("a reader who forgot the password sets a new one from the mailed link, which then works only once", async ({ page, browser }) => {
  const account = await createAccount();
  const since = Date.now();
  await page.goto("/anmelden");
  await page.getByRole("link", { name: "Passwort vergessen?" }).click();
  await expect(page).toHaveURL(/\/passwort-vergessen$/);
  await expectNoAxeViolations(page);
  await page.getByLabel("E-Mail-Adresse").fill(account.email);
  await page.getByRole("button", { name: "Link anfordern" }).click();
  await expect(page.getByRole("status")).toContainText(`Wenn es zu ${account.email} ein Konto gibt, ist der Link unterwegs.`);

  const mail = await waitForMail(E2E_MAILBOX, account.email, { subject: /neues Passwort/, since });
  const link = firstLink(mail, "/passwort-zuruecksetzen");
  await page.goto(link);
  await expectNoAxeViolations(page);
  await page.getByLabel("Neues Passwort").fill("Regenbogen nach dem Gewitter");
  await page.getByRole("button", { name: "Passwort speichern" }).click();
  await expect(page).toHaveURL(/\/konto\?passwort=neu$/);
  await expect(page.getByRole("status")).toHaveText("Dein neues Passwort gilt. Du bist angemeldet.");

  const fresh = await browser.newPage();
  await signIn(fresh, account.email, "Regenbogen nach dem Gewitter");
  await fresh.goto(link);
  await expect(fresh.getByRole("main").getByRole("alert")).toHaveText(
    "Dieser Link wurde schon benutzt. Fordere bitte einen neuen an, falls nötig.",
  );
  await fresh.close();
});

test("sign-in with a wrong password is refused, and after five tries the reader is told how long to wait", async ({ browser }) => {
  // Its own client address, so this test's attempts do not count against the others'.
  const context = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.77" } });
  const page = await context.newPage();
  const account = await createAccount();
  await page.goto("/anmelden");
  await expectNoAxeViolations(page);
  for (let attempt = 1; attempt <= 5; attempt++) {
    await page.getByLabel("E-Mail-Adresse").fill(account.email);
    await page.getByLabel("Passwort", { exact: true }).fill(`falsch-${attempt}-geraten`);
    // Each refusal reads the same, so wait for the answer itself before typing the next try.
    await Promise.all([
      page.waitForResponse((response) => response.request().method() === "POST"),
      page.getByRole("button", { name: "Anmelden" }).click(),
    ]);
    await expect(page.getByRole("button", { name: "Anmelden" })).toBeEnabled();
    await expect(page.getByRole("main").getByRole("alert")).toHaveText(
      /^E-Mail-Adresse oder Passwort ist falsch – oder die Adresse ist noch nicht bestätigt/,
    );
  }
  await page.getByLabel("Passwort", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Zu viele Versuche. Bitte warte 15 Minuten und versuche es dann erneut.",
  );
  await expect(page.getByLabel("E-Mail-Adresse")).toHaveValue(account.email);
  await context.close();
});
