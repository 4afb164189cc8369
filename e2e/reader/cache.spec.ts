import { expect, test, type Browser, type Page } from "@playwright/test";

import { createAccount, signIn, withDb } from "../support/accounts";
import { addComments, commentSection, commentWith, createArticle, writeComment } from "../support/comments";

/**
 * What a signed-out reader arriving now sees: a fresh browser each time, so that nothing of a
 * previous visit plays a part.
 */
async function signedOutView(browser: Browser, path: string, check: (page: Page) => Promise<void>) {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    // The write expires the cache as its server action ends, a moment after the author's page shows it.
    await expect(async () => {
      await page.goto(path);
      await check(page);
    }).toPass({ timeout: 10_000 });
  } finally {
    await context.close();
  }
}

test("a signed-out reader's page comes from the server's cache, and a new comment, an edit and a deletion show at once", async ({
  page,
  browser,
}) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  const [earlierId] = await addComments(article.id, account.id, ["Schon vorher da."]);
  await signedOutView(browser, article.path, (view) => expect(commentWith(view, "Schon vorher da.")).toBeVisible({ timeout: 1_000 }));

  // A change behind the app's back (straight in the database) is not seen: the page was cached.
  await withDb((db) => db.comment.update({ where: { id: earlierId }, data: { body: "Heimlich geändert." } }));
  await signedOutView(browser, article.path, (view) => expect(commentWith(view, "Schon vorher da.")).toBeVisible({ timeout: 1_000 }));

  // Anything done through Agora expires the article's entry: the next view is fresh.
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  await writeComment(page, "Frisch gepostet.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentWith(page, "Frisch gepostet.")).toBeVisible();
  await signedOutView(browser, article.path, async (view) => {
    await expect(commentWith(view, "Frisch gepostet.")).toBeVisible({ timeout: 1_000 });
    await expect(commentWith(view, "Heimlich geändert.")).toBeVisible({ timeout: 1_000 });
    await expect(commentSection(view).getByText("2 Kommentare", { exact: true })).toBeVisible({ timeout: 1_000 });
  });

  await commentWith(page, "Frisch gepostet.").getByRole("link", { name: "Bearbeiten" }).click();
  await commentSection(page).getByRole("textbox", { name: "Kommentar bearbeiten" }).fill("Frisch gepostet und verbessert.");
  await commentSection(page).getByRole("button", { name: "Änderung speichern" }).click();
  await expect(commentWith(page, "Frisch gepostet und verbessert.")).toBeVisible();
  await signedOutView(browser, article.path, (view) =>
    expect(commentWith(view, "Frisch gepostet und verbessert.")).toBeVisible({ timeout: 1_000 }),
  );

  page.once("dialog", (dialog) => void dialog.accept());
  await commentWith(page, "Frisch gepostet und verbessert.").getByRole("button", { name: "Löschen" }).click();
  await expect(commentWith(page, "Frisch gepostet und verbessert.")).toHaveCount(0);
  await signedOutView(browser, article.path, async (view) => {
    await expect(commentWith(view, "Heimlich geändert.")).toBeVisible({ timeout: 1_000 });
    await expect(commentWith(view, "Frisch gepostet und verbessert.")).toHaveCount(0, { timeout: 1_000 });
  });
});
