import { expect, test, type Locator, type Page, type Route } from "@playwright/test";

import { createAccount, signIn } from "../support/accounts";
import { expectNoAxeViolations } from "../support/axe";
import { commentSection, commentWith, createArticle, writeComment } from "../support/comments";

test("a reader previews, posts a comment and a reply, and both appear in the thread", async ({ page }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  const section = commentSection(page);
  await expect(section.getByRole("heading", { name: "Schreibe einen Kommentar" })).toBeVisible();
  await expect(section.getByText("Noch keine Kommentare", { exact: true })).toBeVisible();

  await writeComment(page, "Ein Gedanke mit **Betonung** und [Quelle](https://example.org).");
  await expect(section.getByText("63 / 3000 Zeichen")).toBeVisible();
  await section.getByRole("button", { name: "Vorschau" }).click();
  const preview = section.getByRole("region", { name: "Vorschau" });
  await expect(preview.locator("strong")).toHaveText("Betonung");
  await expect(preview.getByRole("link", { name: "Quelle" })).toHaveAttribute("rel", "nofollow ugc noopener");

  await section.getByRole("button", { name: "Kommentar senden" }).click();
  const comment = commentWith(page, "Ein Gedanke mit Betonung");
  await expect(comment).toBeVisible();
  await expect(comment.getByText(account.name)).toBeVisible();
  await expect(comment.getByText("jetzt")).toBeVisible();
  await expect(section.getByText("1 Kommentar", { exact: true })).toBeVisible();
  await expect(section.getByRole("textbox", { name: "Dein Kommentar" })).toHaveValue("");

  await comment.getByRole("link", { name: "Antworten" }).click();
  const replyBox = section.getByRole("textbox", { name: `Deine Antwort an ${account.name}` });
  await expect(replyBox).toBeFocused();
  await replyBox.fill("Und noch eine Ergänzung dazu.");
  await section.getByRole("button", { name: "Antwort senden" }).click();
  const replies = section.getByRole("list", { name: `Antworten auf ${account.name}` });
  await expect(replies.getByText("Und noch eine Ergänzung dazu.")).toBeVisible();
  await expect(section.getByText("2 Kommentare", { exact: true })).toBeVisible();

  // Drafts are cleared once the server has the comment.
  await page.reload();
  await expect(section.getByRole("textbox", { name: "Dein Kommentar" })).toHaveValue("");
});

test("a draft survives a reload, and after an expired session the reader signs in and finds it again", async ({ page, context }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  const draft = "Das hier habe ich lange formuliert und möchte es nicht verlieren.";
  await writeComment(page, draft);
  await page.reload();
  const box = commentSection(page).getByRole("textbox", { name: "Dein Kommentar" });
  await expect(box).toHaveValue(draft);

  await context.clearCookies();
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  const alert = commentSection(page).getByRole("alert");
  await expect(alert).toContainText("Bitte melde dich zuerst an.");
  await expect(box).toHaveValue(draft);

  await alert.getByRole("link", { name: "Anmelden" }).click();
  await page.getByLabel("E-Mail-Adresse").fill(account.email);
  await page.getByLabel("Passwort", { exact: true }).fill(account.password);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).toHaveURL(new RegExp(`${article.path}#kommentare$`));
  await expect(commentSection(page).getByRole("textbox", { name: "Dein Kommentar" })).toHaveValue(draft);
});

test("a refused or failed submission keeps the text and says why; a retry posts exactly once", async ({ page }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  const section = commentSection(page);

  const tooLong = "Wort ".repeat(700);
  const box = await writeComment(page, tooLong);
  await section.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(section.getByText("Dein Kommentar hat 3499 Zeichen; erlaubt sind höchstens 3000. Bitte kürze ihn.")).toBeVisible();
  await expect(box).toHaveValue(tooLong);

  const text = "Gesendet im Funkloch – bitte nicht verlieren.";
  await box.fill(text);
  await sendThroughBrokenConnection(page, box, text, (route) => route.abort("internetdisconnected"));
});

test("a comment whose answer is lost on the way back is stored once when the reader sends it again", async ({ page }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  const section = commentSection(page);
  const text = "Angekommen, aber die Antwort ging unterwegs verloren.";
  const box = await writeComment(page, text);
  // The server stores the comment; the connection drops before its answer reaches the browser.
  await sendThroughBrokenConnection(page, box, text, async (route) => {
    await route.fetch();
    await route.abort("connectionreset");
  });
  await expect(section.getByText("1 Kommentar", { exact: true })).toBeVisible();
});

test("with JavaScript switched off a reader still posts a comment and a reply", async ({ browser }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  const section = commentSection(page);
  await writeComment(page, "Ganz ohne Skripte geschrieben.");
  await section.getByRole("button", { name: "Kommentar senden" }).click();
  const comment = commentWith(page, "Ganz ohne Skripte geschrieben.");
  await expect(comment).toBeVisible();

  await comment.getByRole("link", { name: "Antworten" }).click();
  await section.getByRole("textbox", { name: `Deine Antwort an ${account.name}` }).fill("Und die Antwort auch.");
  await section.getByRole("button", { name: "Antwort senden" }).click();
  await expect(section.getByRole("list", { name: `Antworten auf ${account.name}` }).getByText("Und die Antwort auch.")).toBeVisible();
  await expect(section.getByText("2 Kommentare", { exact: true })).toBeVisible();
  await context.close();
});

test("the comment section with comments, an open reply form and a report form passes axe", async ({ page, browser }) => {
  const [account, article] = await Promise.all([createAccount(), createArticle()]);
  const other = await createAccount();
  await signIn(page, account.email, account.password);
  await page.goto(article.path);
  await writeComment(page, "Ein Kommentar, damit es etwas zu prüfen gibt.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentWith(page, "damit es etwas zu prüfen gibt")).toBeVisible();
  await commentWith(page, "damit es etwas zu prüfen gibt").getByRole("link", { name: "Antworten" }).click();
  await expect(commentSection(page).getByRole("textbox", { name: /Deine Antwort an/ })).toBeVisible();
  await expectNoAxeViolations(page);

  const readerContext = await browser.newContext();
  const reader = await readerContext.newPage();
  await signIn(reader, other.email, other.password);
  await reader.goto(article.path);
  await commentWith(reader, "damit es etwas zu prüfen gibt").getByRole("link", { name: "Melden" }).click();
  await expect(reader.getByRole("group", { name: "Warum meldest du diesen Kommentar?" })).toBeVisible();
  await expectNoAxeViolations(reader);
  await readerContext.close();
});

/**
 * Sends the comment in `box` once while `broken` handles its request, expects the text kept
 * with the network message, then sends it again over a working connection: stored exactly once.
 */
async function sendThroughBrokenConnection(page: Page, box: Locator, text: string, broken: (route: Route) => Promise<void>) {
  const section = commentSection(page);
  await page.route("**/artikel/**", (route) => (route.request().method() === "POST" ? broken(route) : route.continue()));
  await section.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(section.getByRole("alert")).toHaveText(
    "Keine Verbindung zum Server. Dein Text ist noch da – bitte versuche es gleich noch einmal.",
  );
  await expect(box).toHaveValue(text);

  await page.unroute("**/artikel/**");
  await section.getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentWith(page, text)).toHaveCount(1);
  await page.reload();
  await expect(commentWith(page, text)).toHaveCount(1);
}
