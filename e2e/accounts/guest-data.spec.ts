import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

import { issueGuestToken } from "../../lib/guests/tokens";
import { createAccount, signIn, withDb } from "../support/accounts";
import { E2E_MAILBOX } from "../support/app";
import { expectNoAxeViolations } from "../support/axe";
import { commentWith, createArticle } from "../support/comments";
import { firstLink, waitForMail } from "../support/mailbox";

/** A guest address with one approved comment under a fresh article (the guest comment form is built elsewhere). */
async function guestWithComment(email = `gast-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`) {
  const article = await createArticle();
  const body = `Als Gast geschrieben ${Math.random().toString(36).slice(2, 8)}`;
  const { guest, comment } = await withDb(async (db) => {
    const guest = await db.guest.create({ data: { email, name: "Gerda Gast", confirmedAt: new Date() } });
    const comment = await db.comment.create({
      data: { articleId: article.id, guestId: guest.id, guestName: "Gerda Gast", body, status: "APPROVED" },
    });
    await db.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
    return { guest, comment };
  });
  return { article, guest, comment, body };
}

/** Its own client address, so the request form's per-address limit counts this file's requests alone. */
test.use({ extraHTTPHeaders: { "x-forwarded-for": `203.0.113.${100 + Math.floor(Math.random() * 100)}` } });

async function requestLink(page: import("@playwright/test").Page, email: string, intent: "herunterladen" | "löschen") {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: "Daten als Gast abrufen/löschen" }).click();
  await expect(page.getByRole("heading", { name: "Daten als Gast abrufen oder löschen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByLabel("Deine E-Mail-Adresse").fill(email);
  await page.getByLabel(intent === "herunterladen" ? "Meine Daten herunterladen" : "Meine Daten löschen").check();
  await page.getByRole("button", { name: "Link anfordern" }).click();
  await expect(page.getByRole("status")).toContainText(`Falls unter ${email} etwas gespeichert ist`);
}

test("a guest asks for their data by mail and downloads a file holding their comment; the link works once", async ({ page }) => {
  const { guest, body, article } = await guestWithComment();
  const since = Date.now();
  await requestLink(page, guest.email, "herunterladen");
  // An unknown address gets the very same answer.
  await page.getByLabel("Deine E-Mail-Adresse").fill("niemand-hier@example.org");
  await page.getByRole("button", { name: "Link anfordern" }).click();
  await expect(page.getByRole("status")).toContainText("Falls unter niemand-hier@example.org etwas gespeichert ist");

  const mail = await waitForMail(E2E_MAILBOX, guest.email, { subject: /herunterladen/, since });
  const link = firstLink(mail, "/gast/daten");
  await page.goto(link);
  await expect(page.getByText(`Unter ${guest.email} ist 1 Kommentar und keine Abonnements gespeichert.`)).toBeVisible();
  await expectNoAxeViolations(page);
  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Daten herunterladen (JSON)" }).click();
  const file = JSON.parse(await readFile((await (await downloading).path())!, "utf8")) as {
    guest: { email: string };
    comments: Array<{ body: string; article: { title: string } }>;
  };
  expect(file.guest.email).toBe(guest.email);
  expect(file.comments).toEqual([
    expect.objectContaining({ body, article: expect.objectContaining({ title: `Debatte ${article.slug.split("-").pop()}` }) }),
  ]);

  await page.goto(link);
  await expect(page.getByRole("heading", { name: "Dieser Link funktioniert nicht" })).toBeVisible();
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Dieser Link wurde schon benutzt. Fordere bitte einen neuen an, falls nötig.",
  );
});

test("a guest deletes their data through the mailed link; their comment leaves the article", async ({ page }) => {
  const { guest, body, article } = await guestWithComment();
  const since = Date.now();
  await requestLink(page, guest.email, "löschen");
  const mail = await waitForMail(E2E_MAILBOX, guest.email, { subject: /löschen/, since });
  await page.goto(firstLink(mail, "/gast/daten"));
  await expect(page.getByRole("heading", { name: "Deine Daten löschen" })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(page.getByRole("status")).toHaveText("Erledigt: Alles, was unter deiner Adresse gespeichert war, ist gelöscht.");
  expect(await withDb((db) => db.guest.count({ where: { id: guest.id } }))).toBe(0);
  await page.goto(article.path);
  await expect(page.getByText(body)).toHaveCount(0);
});

test("a guest deletes one comment with the link from its confirmation mail, once", async ({ page }) => {
  const { guest, comment, body, article } = await guestWithComment();
  const token = await withDb((db) =>
    issueGuestToken({ db, guestId: guest.id, purpose: "DELETE_COMMENT", subject: { commentId: comment.id } }),
  );
  await page.goto(`/gast/kommentar-loeschen?token=${token}`);
  await expect(page.getByRole("blockquote")).toHaveText(body);
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "Kommentar löschen" }).click();
  await expect(page.getByRole("status")).toHaveText("Erledigt: Dein Kommentar ist gelöscht.");
  await page.goto(article.path);
  await expect(page.getByText(body)).toHaveCount(0);
  await page.goto(`/gast/kommentar-loeschen?token=${token}`);
  await expect(page.getByRole("main").getByRole("alert")).toHaveText(
    "Dieser Link wurde schon benutzt. Fordere bitte einen neuen an, falls nötig.",
  );
});

test("a reader takes the comments they wrote as a guest under their address into their account", async ({ page }) => {
  const account = await createAccount("READER", "Klara Konto");
  const { body, article } = await guestWithComment(account.email);
  await signIn(page, account.email, account.password);
  await page.goto("/konto");
  await expectNoAxeViolations(page);
  await page.getByRole("button", { name: "1 Kommentar, den du als Gast geschrieben hast, in dein Konto übernehmen" }).click();
  await expect(page.getByRole("status")).toHaveText("Erledigt: 1 Kommentar steht jetzt unter deinem Namen.");
  await page.goto(article.path);
  await expect(commentWith(page, body)).toContainText("Klara Konto");
});
