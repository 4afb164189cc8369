import { readFile } from "node:fs/promises";
import { expect, test } from "@playwright/test";

import { dumpDatabase } from "../../tests/helpers/dump";
import { createAccount, signIn, withDb } from "../support/accounts";
import { e2eDatabaseUrl } from "../support/app";
import { expectNoAxeViolations } from "../support/axe";
import { SEED_ARTICLE } from "../support/seed";

test("a reader downloads their data and then deletes the account, leaving nothing personal behind", async ({ page }) => {
  const reader = await createAccount("READER", `Doris Datensparsam ${Date.now()}`);
  const words = `Meine ganz persönliche Meinung ${Date.now()}`;
  await withDb(async (db) => {
    const article = await db.article.findFirstOrThrow({ where: { title: SEED_ARTICLE.title } });
    await db.comment.create({ data: { articleId: article.id, authorId: reader.id, body: words, status: "APPROVED" } });
    await db.article.update({ where: { id: article.id }, data: { commentCount: { increment: 1 } } });
  });

  await signIn(page, reader.email, reader.password);
  await page.goto("/konto");
  await expect(page.getByRole("heading", { level: 1, name: "Mein Konto" })).toBeVisible();
  await expectNoAxeViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Daten herunterladen (JSON)" }).click();
  const data = JSON.parse(await readFile((await (await download).path())!, "utf8"));
  expect(data.profile).toMatchObject({ name: reader.name, email: reader.email });
  expect(data.comments).toEqual([expect.objectContaining({ body: words })]);

  await page.getByLabel("Gib zur Bestätigung deine E-Mail-Adresse ein").fill("jemand.anders@example.org");
  await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
  await expect(page.getByText("Zur Bestätigung bitte genau deine E-Mail-Adresse eingeben.")).toBeVisible();

  await page.getByLabel("Gib zur Bestätigung deine E-Mail-Adresse ein").fill(reader.email);
  await page.getByRole("button", { name: "Konto endgültig löschen" }).click();
  await expect(page).toHaveURL(/\/\?konto=geloescht$/);
  await expect(page.getByRole("status")).toHaveText("Dein Konto und deine persönlichen Daten sind gelöscht.");
  await expect(page.getByRole("banner").getByRole("link", { name: "Anmelden" })).toBeVisible();

  await page.goto(SEED_ARTICLE.path);
  await expect(page.locator("#kommentare").getByText("[gelöscht]")).toBeVisible();
  const everything = await dumpDatabase(e2eDatabaseUrl());
  for (const personal of [reader.name, reader.email, words]) expect(everything, personal).not.toContain(personal);
});

test("changing the display name shows the new name at once", async ({ page }) => {
  const reader = await createAccount();
  await signIn(page, reader.email, reader.password);
  await page.goto("/konto");
  await page.getByLabel("Anzeigename").fill("Neuer Name Hier");
  await page.getByRole("button", { name: "Namen speichern" }).click();
  await expect(page.getByRole("status")).toHaveText("Dein Name ist gespeichert.");
  await expect(page.getByRole("banner").getByText("Neuer Name Hier")).toBeVisible();
});
