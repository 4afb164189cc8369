import { expect, test } from "@playwright/test";

import { createAccount, signIn, withDb } from "../support/accounts";
import { addComments, commentSection, commentWith, createArticle, writeComment } from "../support/comments";

test("a second reader sees a new comment and a like arrive without reloading, announced politely", async ({ browser }) => {
  const [writer, article] = await Promise.all([createAccount(), createArticle()]);
  const author = await createAccount();
  await addComments(article.id, author.id, ["Der erste Kommentar steht schon da."]);

  const watcherContext = await browser.newContext();
  const watcher = await watcherContext.newPage();
  await watcher.goto(article.path);
  await expect(commentWith(watcher, "Der erste Kommentar")).toBeVisible();
  // A mark on the window that a reload would wipe out.
  await watcher.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

  const writerContext = await browser.newContext();
  const page = await writerContext.newPage();
  await signIn(page, writer.email, writer.password);
  await page.goto(article.path);
  await writeComment(page, "Live aus dem zweiten Fenster.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentWith(page, "Live aus dem zweiten Fenster.")).toBeVisible();

  await expect(commentWith(watcher, "Live aus dem zweiten Fenster.")).toBeVisible();
  await expect(commentSection(watcher).getByRole("status")).toHaveText("1 neuer Kommentar");
  await expect(commentSection(watcher).getByText("2 Kommentare", { exact: true })).toBeVisible();

  await commentWith(page, "Der erste Kommentar")
    .getByRole("button", { name: /Gefällt mir/ })
    .click();
  await expect(commentWith(watcher, "Der erste Kommentar").getByText("♥ 1")).toBeVisible();
  expect(await watcher.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
  await Promise.all([watcherContext.close(), writerContext.close()]);
});

test("a permalink loads the page of the discussion that holds the comment, scrolls to it and marks it", async ({ page }) => {
  const [author, article] = await Promise.all([createAccount(), createArticle()]);
  const ids = await addComments(
    article.id,
    author.id,
    Array.from({ length: 25 }, (_, i) => `Beitrag Nummer ${i + 1}.`),
    { minutesAgo: 200 },
  );
  const [replyId] = await addComments(article.id, author.id, ["Die Antwort, auf die jemand verlinkt hat."], {
    parentId: ids[22],
    minutesAgo: 5,
  });

  await page.goto(article.path);
  await expect(commentWith(page, "Beitrag Nummer 20.")).toBeVisible();
  await expect(commentWith(page, "Beitrag Nummer 23.")).toHaveCount(0);

  await page.goto(`${article.path}?kommentar=${replyId}#comment-${replyId}`);
  const target = commentWith(page, "Die Antwort, auf die jemand verlinkt hat.");
  await expect(target).toBeInViewport();
  await expect(target).toHaveAttribute("aria-current", "location");
  // Only the page that holds it is loaded; earlier pages are a click away.
  await expect(commentWith(page, "Beitrag Nummer 1.")).toHaveCount(0);
  await commentSection(page).getByRole("link", { name: "Frühere Kommentare anzeigen" }).click();
  await expect(commentWith(page, "Beitrag Nummer 1.")).toBeVisible();
  await expect(target).toBeVisible();

  // The plain address shows the first page; "load more" brings the rest.
  await page.goto(article.path);
  await commentSection(page).getByRole("link", { name: "Weitere Kommentare laden" }).click();
  await expect(commentWith(page, "Beitrag Nummer 25.")).toBeVisible();
  await expect(commentSection(page).getByRole("link", { name: "Weitere Kommentare laden" })).toHaveCount(0);
});

test("the chosen order is remembered, and threads fold away", async ({ page }) => {
  const [author, article] = await Promise.all([createAccount(), createArticle()]);
  const [first] = await addComments(article.id, author.id, ["Alt und bewährt.", "Neu und frisch."]);
  await addComments(article.id, author.id, ["Eine Antwort im Faden."], { parentId: first, minutesAgo: 1 });
  await page.goto(article.path);
  const articles = commentSection(page).getByRole("article");
  await expect(articles.first()).toContainText("Alt und bewährt.");

  await commentSection(page).getByRole("button", { name: "Neueste zuerst" }).click();
  await expect(commentSection(page).getByRole("button", { name: "Neueste zuerst" })).toHaveAttribute("aria-pressed", "true");
  await expect(articles.first()).toContainText("Neu und frisch.");
  await page.reload();
  await expect(articles.first()).toContainText("Neu und frisch.");

  const reply = commentWith(page, "Eine Antwort im Faden.");
  await expect(reply).toBeVisible();
  await commentSection(page).getByText("Antworten ausblenden").click();
  await expect(reply).toBeHidden();
  await commentSection(page).getByText("1 Antwort anzeigen").click();
  await expect(reply).toBeVisible();
});

test("authors edit within the first minutes; after the window the edit is refused and the text stays", async ({ page }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  await writeComment(page, "Erste Fassung mit Tippfeler.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  const comment = commentWith(page, "Erste Fassung");
  await comment.getByRole("link", { name: "Bearbeiten" }).click();
  const editBox = commentSection(page).getByRole("textbox", { name: "Kommentar bearbeiten" });
  await expect(editBox).toHaveValue("Erste Fassung mit Tippfeler.");
  await editBox.fill("Erste Fassung ohne Tippfehler.");
  await commentSection(page).getByRole("button", { name: "Änderung speichern" }).click();
  const edited = commentWith(page, "Erste Fassung ohne Tippfehler.");
  await expect(edited).toBeVisible();
  await expect(edited.getByText("(bearbeitet)")).toBeVisible();

  await edited.getByRole("link", { name: "Bearbeiten" }).click();
  await editBox.fill("Zu spät geändert.");
  await withDb((db) =>
    db.comment.updateMany({ where: { articleId: article.id }, data: { createdAt: new Date(Date.now() - 20 * 60_000) } }),
  );
  await commentSection(page).getByRole("button", { name: "Änderung speichern" }).click();
  await expect(commentSection(page).getByRole("alert")).toHaveText(
    "Kommentare lassen sich nur in den ersten 15 Minuten bearbeiten. Diese Zeit ist vorbei.",
  );
  await expect(editBox).toHaveValue("Zu spät geändert.");

  await page.goto(article.path);
  await expect(commentWith(page, "Erste Fassung ohne Tippfehler.").getByRole("link", { name: "Bearbeiten" })).toHaveCount(0);
});

test("a reader likes and reports someone's comment once, and deletes their own, leaving a placeholder for the replies", async ({
  page,
}) => {
  const [account, other, article] = await Promise.all([createAccount(), createAccount(), createArticle()]);
  const [theirs] = await addComments(article.id, other.id, ["Ein Kommentar von jemand anderem."]);
  await signIn(page, account.email, account.password);
  await page.goto(article.path);

  const like = commentWith(page, "von jemand anderem").getByRole("button", { name: /Gefällt mir/ });
  await like.click();
  await expect(like).toHaveAttribute("aria-pressed", "true");
  await expect(like).toContainText("· 1");
  // The like form takes one submission at a time (a click while the first is on its way is
  // ignored); the reader clicks again until the like is taken back.
  await expect(async () => {
    await like.click();
    await expect(like).toHaveAttribute("aria-pressed", "false", { timeout: 1_000 });
  }).toPass();

  await commentWith(page, "von jemand anderem").getByRole("link", { name: "Melden" }).click();
  await page.getByRole("radio", { name: "Etwas anderes" }).check();
  await page.getByRole("button", { name: "Meldung senden" }).click();
  await expect(page.getByText("Bitte beschreib kurz, worum es geht.")).toBeVisible();
  await page.getByRole("textbox", { name: /Was sollte die Redaktion wissen/ }).fill("Verbreitet eine Falschbehauptung.");
  await page.getByRole("button", { name: "Meldung senden" }).click();
  await expect(commentSection(page).getByRole("status").filter({ hasText: "Danke für deine Meldung" })).toBeVisible();
  await expect(commentWith(page, "von jemand anderem").getByText("Gemeldet")).toBeVisible();
  await expect(commentWith(page, "von jemand anderem").getByRole("link", { name: "Melden" })).toHaveCount(0);
  expect(await withDb((db) => db.report.findMany({ where: { commentId: theirs } }))).toMatchObject([
    { reason: "OTHER", details: "Verbreitet eine Falschbehauptung." },
  ]);

  await writeComment(page, "Meine Meinung, die ich später bereue.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentWith(page, "die ich später bereue")).toBeVisible();
  const mine = await withDb((db) => db.comment.findFirstOrThrow({ where: { articleId: article.id, authorId: account.id } }));
  await addComments(article.id, other.id, ["Eine Antwort darauf."], { parentId: mine.id, minutesAgo: 0 });
  await page.reload();
  page.once("dialog", (dialog) => void dialog.accept());
  await commentWith(page, "die ich später bereue").getByRole("button", { name: "Löschen" }).click();
  await expect(commentSection(page).getByText("die ich später bereue")).toHaveCount(0);
  await expect(commentSection(page).getByText("[gelöscht]")).toBeVisible();
  await expect(commentWith(page, "Eine Antwort darauf.")).toBeVisible();
});

test("an editor closes the discussion: the form gives way to a notice, the comments stay", async ({ page }) => {
  const [editor, article] = await Promise.all([createAccount("EDITOR"), createArticle()]);
  await addComments(article.id, editor.id, ["Das bleibt stehen."]);
  await signIn(page, editor.email, editor.password);
  await page.goto(article.path);
  await commentSection(page).getByRole("button", { name: "Kommentare schließen" }).click();
  await expect(commentSection(page).getByText("Die Kommentare zu diesem Artikel sind geschlossen.")).toBeVisible();
  await expect(commentSection(page).getByRole("textbox", { name: "Dein Kommentar" })).toHaveCount(0);
  await expect(commentWith(page, "Das bleibt stehen.")).toBeVisible();
  await commentSection(page).getByRole("button", { name: "Kommentare wieder öffnen" }).click();
  await expect(commentSection(page).getByRole("textbox", { name: "Dein Kommentar" })).toBeVisible();
});
