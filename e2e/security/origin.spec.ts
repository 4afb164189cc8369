import { expect, test } from "@playwright/test";

import { createAccount, signIn, withDb } from "../support/accounts";
import { commentSection, commentWith, createArticle, writeComment } from "../support/comments";

const EVIL = "https://evil.example";

test("a comment form submitted from another site is refused, even with the reader's cookies", async ({ page }) => {
  const reader = await createAccount("READER");
  const article = await createArticle();
  await signIn(page, reader.email, reader.password);
  await page.goto(article.path);

  // Capture what the real form sends (the server action's id and fields) …
  const sent = page.waitForRequest((request) => request.method() === "POST" && !!request.headers()["next-action"]);
  await writeComment(page, "Von hier aus geschrieben.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  const original = await sent;
  await expect(commentWith(page, "Von hier aus geschrieben.")).toBeVisible();

  // … and send it again with new text and a new idempotency key: from our own origin it posts …
  const replay = (text: string, key: string) =>
    (original.postData() ?? "")
      .replace("Von hier aus geschrieben.", text)
      .replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, key);
  const own = await page.request.post(article.path, {
    headers: original.headers(),
    data: replay("Noch einmal von hier.", "00000000-0000-4000-8000-000000000001"),
  });
  expect(own.ok()).toBe(true);
  await expect.poll(() => withDb((db) => db.comment.count({ where: { articleId: article.id, body: "Noch einmal von hier." } }))).toBe(1);

  // … as a page on another site would send it, it is refused.
  const forged = await page.request.post(article.path, {
    headers: { ...original.headers(), origin: EVIL, referer: `${EVIL}/` },
    data: replay("Von fremder Seite geschickt.", "00000000-0000-4000-8000-000000000002"),
    failOnStatusCode: false,
  });
  expect(forged.status()).toBeGreaterThanOrEqual(400);
  expect(await withDb((db) => db.comment.count({ where: { articleId: article.id, body: { contains: "fremder Seite" } } }))).toBe(0);
});

test("the admin upload refuses a request from another site, even with an admin's cookies", async ({ page }) => {
  const admin = await createAccount("ADMIN");
  await signIn(page, admin.email, admin.password);
  const png = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");
  const file = { name: "a.png", mimeType: "image/png", buffer: png };
  const own = await page.request.post("/api/admin/medien", { multipart: { file }, headers: { origin: new URL(page.url()).origin } });
  expect(own.status()).toBe(200);
  const forged = await page.request.post("/api/admin/medien", { multipart: { file }, headers: { origin: EVIL } });
  expect(forged.status()).toBe(403);
  const withoutOrigin = await page.request.post("/api/admin/import", {
    multipart: { file: { name: "x.xml", mimeType: "text/xml", buffer: Buffer.from("<rss/>") } },
  });
  expect(withoutOrigin.status()).toBe(403);
});
