import { expect, test } from "@playwright/test";

import { createAccount, signIn, withDb } from "../support/accounts";
import { expectNoAxeViolations } from "../support/axe";
import { addComments, commentWith, createArticle } from "../support/comments";

/** Comments waiting for an editor, held by the site's pre-moderation. */
const pendingComments = (articleId: string, authorId: string, bodies: string[]) =>
  addComments(articleId, authorId, bodies, { status: "PENDING", flags: [{ rule: "premoderation" }] });

test("an editor works the pending queue with the keyboard only, and the reader sees the outcome", async ({ page, browser }) => {
  const [editor, author] = await Promise.all([createAccount("EDITOR"), createAccount("READER", "Greta Gast")]);
  const article = await createArticle();
  const [approveId, rejectId, spamId] = await pendingComments(article.id, author.id, [
    "Ein Beitrag, der erscheinen darf.",
    "Ein Beitrag am Thema vorbei.",
    "Kauft billige Uhren!",
  ]);

  // A reader has the article open in another browser.
  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await reader.goto(article.path);
  await expect(commentWith(reader, "Ein Beitrag, der erscheinen darf.")).toHaveCount(0);

  await signIn(page, editor.email, editor.password);
  await page.goto(`/moderation/ausstehend?artikel=${article.id}&reihenfolge=alt`);
  await expect(page.getByRole("heading", { level: 1, name: "Ausstehend" })).toBeVisible();
  const items = page.locator("[data-queue-item]");
  await expect(items).toHaveCount(3);
  await expect(items.first()).toContainText("Vorab-Moderation der Website");

  // j selects the first comment, a approves it.
  await page.keyboard.press("j");
  await expect(items.first()).toBeFocused();
  await page.keyboard.press("a");
  await expect(page.getByRole("status").filter({ hasText: "Freigegeben." })).toBeVisible();
  await expect(items).toHaveCount(2);

  // The approved comment appears on the reader's open page without a reload.
  await expect(commentWith(reader, "Ein Beitrag, der erscheinen darf.")).toBeVisible({ timeout: 10_000 });

  // r opens the rejection with its reasons; typing picks one, Enter sends.
  await expect(items.first()).toContainText("am Thema vorbei");
  await page.keyboard.press("r");
  const reason = page.getByRole("combobox", { name: "Grund", exact: true });
  await expect(reason).toBeFocused();
  await page.keyboard.type("Nicht zum");
  await expect(reason).toHaveValue("offTopic");
  await page.keyboard.press("Enter");
  await expect(page.getByRole("status").filter({ hasText: "Abgelehnt." })).toBeVisible();
  await expect(items).toHaveCount(1);

  // s files the last one as spam.
  await page.keyboard.press("s");
  await expect(page.getByText("Alles erledigt – hier wartet nichts.")).toBeVisible();

  const statuses = await withDb((db) =>
    db.comment.findMany({ where: { id: { in: [approveId!, rejectId!, spamId!] } }, select: { id: true, status: true } }),
  );
  expect(Object.fromEntries(statuses.map((c) => [c.id, c.status]))).toEqual({
    [approveId!]: "APPROVED",
    [rejectId!]: "REJECTED",
    [spamId!]: "SPAM",
  });

  // ? shows the shortcuts.
  await page.keyboard.press("?");
  await expect(page.getByRole("dialog", { name: "Tastaturkürzel" })).toBeVisible();
  await page.keyboard.press("Escape");

  // The rejected author reads the statement of reasons and can appeal.
  await readerContext.close();
  const authorContext = await browser.newContext();
  const authorPage = await authorContext.newPage();
  await signIn(authorPage, author.email, author.password);
  await authorPage.goto("/konto/mitteilungen");
  const notice = authorPage.getByRole("article").filter({ hasText: "Dein Kommentar wurde nicht veröffentlicht" });
  await expect(notice).toContainText("Grund: Nicht zum Thema");
  await expect(notice).toContainText("Diese Entscheidung hat eine Person aus der Moderation getroffen.");
  await expect(notice).toContainText("Ein Beitrag am Thema vorbei.");
  await notice.getByText("Widerspruch einlegen").click();
  await notice.getByLabel("Warum ist die Entscheidung falsch?").fill("Es ging genau um den Artikel.");
  await notice.getByRole("button", { name: "Widerspruch absenden" }).click();
  await expect(notice).toContainText("Widerspruch eingelegt am");
  await authorContext.close();

  // The appeal puts the comment back in the editor's queue, with the author's words.
  await page.reload();
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("Es ging genau um den Artikel.");
});

test("a blocked reader sees why and until when, and cannot post", async ({ page }) => {
  const [editor, reader] = await Promise.all([createAccount("EDITOR"), createAccount("READER", "Bruno Block")]);
  const article = await createArticle();
  await signIn(page, editor.email, editor.password);
  await page.goto(`/moderation/personen?q=${encodeURIComponent(reader.email)}`);
  await page.getByText("Sperren: Bruno Block").click();
  await page.getByLabel("Dauer").selectOption("7");
  await page.getByRole("combobox", { name: "Grund", exact: true }).selectOption("insult");
  await page.getByLabel("Anmerkung (optional, geht an die Autorin/den Autor)").fill("Wiederholt beleidigend.");
  await page.getByRole("button", { name: "Sperren", exact: true }).click();
  await expect(page.getByText("Gesperrt. Die Person wird informiert.")).toBeVisible();

  await page.context().clearCookies();
  await signIn(page, reader.email, reader.password);
  await page.goto(article.path);
  const notice = page.locator("#kommentare").getByRole("status").filter({ hasText: "gesperrt" });
  await expect(notice).toContainText("Dein Konto ist bis");
  await expect(notice).toContainText("Grund: Beleidigung – Wiederholt beleidigend.");
  await expect(page.locator("#kommentare").getByRole("textbox", { name: "Dein Kommentar" })).toHaveCount(0);
});

test("a reader cannot open the moderation area", async ({ page }) => {
  const reader = await createAccount("READER");
  await signIn(page, reader.email, reader.password);
  for (const path of ["/moderation/ausstehend", "/moderation/personen", "/moderation/protokoll"]) {
    const response = await page.goto(path);
    expect(response?.status()).toBe(403);
    await expect(page.getByRole("heading", { name: "Kein Zugriff" })).toBeVisible();
  }
});

test("axe finds nothing on the moderation pages", async ({ page }) => {
  // Five full axe runs: on a busy 2-core machine they take longer than one test's usual 30 s.
  test.setTimeout(60_000);
  const [editor, author] = await Promise.all([createAccount("EDITOR"), createAccount("READER")]);
  const article = await createArticle();
  await pendingComments(article.id, author.id, ["Ein wartender Kommentar mit **Markdown**."]);
  await signIn(page, editor.email, editor.password);
  for (const path of ["/moderation/ausstehend", "/moderation/gemeldet", "/moderation/personen", "/moderation/protokoll"]) {
    await page.goto(path);
    await expectNoAxeViolations(page);
  }
  await page.goto("/moderation/ausstehend");
  await page.keyboard.press("r");
  await expectNoAxeViolations(page);
});
