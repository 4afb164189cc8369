import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";

import { XSS_PAYLOADS } from "../../tests/security/xss-corpus";
import { createAccount, signIn, withDb } from "../support/accounts";
import { addComments } from "../support/comments";

/**
 * Watches a page for script that should never run: an alert/confirm/prompt dialog (what the
 * payloads call) or the global flag some of them set.
 */
function watchForScript(page: Page): string[] {
  const fired: string[] = [];
  page.on("dialog", (dialog) => {
    fired.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  return fired;
}

/** What in the DOM could still run script: handler attributes, script URLs, scripts without the page's nonce. */
async function runnableMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    for (const element of Array.from(document.querySelectorAll("*"))) {
      for (const attribute of Array.from(element.attributes)) {
        if (attribute.name.startsWith("on")) found.push(`${element.tagName} ${attribute.name}`);
        if (
          ["href", "src", "action", "formaction", "xlink:href", "data", "srcdoc"].includes(attribute.name) &&
          /^\s*(javascript|vbscript|data):/i.test(attribute.value.replace(/[\t\n\r]/g, ""))
        ) {
          found.push(`${element.tagName} ${attribute.name}=${attribute.value}`);
        }
      }
      if (["IFRAME", "OBJECT", "EMBED", "FRAME", "BASE", "META"].includes(element.tagName) && element.closest("body"))
        found.push(element.tagName);
    }
    for (const script of Array.from(document.scripts)) {
      // Next.js loads its own chunks from /_next/static later (allowed by 'strict-dynamic'); anything else needs the nonce.
      const ownChunk = script.src.startsWith(`${location.origin}/_next/static/`);
      if (script.type !== "application/ld+json" && !script.nonce && !ownChunk)
        found.push(`script without nonce: ${script.outerHTML.slice(0, 80)}`);
    }
    if ((window as unknown as { __xss?: unknown }).__xss !== undefined) found.push("window.__xss was set");
    return found;
  });
}

test("the XSS corpus posted as comments, names, article fields and report texts runs nowhere", async ({ page }) => {
  test.setTimeout(120_000);
  expect(XSS_PAYLOADS.length).toBeGreaterThanOrEqual(300);
  const id = randomBytes(3).toString("hex");
  const [editor, author] = await Promise.all([createAccount("EDITOR"), createAccount("READER", '<img src=x onerror=alert("name")>')]);
  const article = await withDb(async (db) => {
    const byline = await db.user.update({ where: { id: author.id }, data: { role: "EDITOR" }, select: { id: true } });
    return db.article.create({
      data: {
        slug: `xss-${id}`,
        title: `XSS ${id} <script>alert("title")</script>`,
        dek: '<img src=x onerror=alert("dek")> "><svg onload=alert(1)>',
        body: XSS_PAYLOADS.join("\n\n"),
        seoTitle: "</title><script>alert('seo')</script>",
        seoDescription: '"><script>alert("description")</script>',
        leadImageUrl: "https://example.org/bild.png",
        leadImageAlt: '" onerror="alert(1)',
        leadImageCaption: "<script>alert('caption')</script>",
        status: "PUBLISHED",
        publishedAt: new Date(Date.now() - 40 * 86_400_000),
        authorId: byline.id,
      },
    });
  });
  const commentIds = await addComments(article.id, author.id, [...XSS_PAYLOADS]);
  // Some wait for moderation, and readers reported others with the payloads as their reasons.
  await addComments(article.id, author.id, XSS_PAYLOADS.slice(0, 40), {
    status: "PENDING",
    flags: [{ rule: "suspectWord", match: "<script>alert(1)</script>" }],
  });
  const reporters = await Promise.all(Array.from({ length: 3 }, () => createAccount("READER")));
  await withDb((db) =>
    db.report.createMany({
      data: commentIds
        .slice(0, 40)
        .flatMap((commentId, index) =>
          reporters.map((reporter) => ({ commentId, reporterId: reporter.id, reason: "OTHER" as const, details: XSS_PAYLOADS[index] })),
        ),
    }),
  );

  // A reader opens the article with every comment shown.
  const fired = watchForScript(page);
  await page.goto(`/artikel/${article.slug}?anzahl=${XSS_PAYLOADS.length + 10}`);
  await expect(page.getByRole("heading", { level: 1 })).toContainText(`XSS ${id} <script>`);
  await expect(page.locator("#kommentare").getByRole("article")).toHaveCount(XSS_PAYLOADS.length);
  await page.waitForTimeout(1000);
  expect(fired).toEqual([]);
  expect(await runnableMarkup(page)).toEqual([]);

  // Search results show snippets of the body.
  await page.goto(`/suche?q=${encodeURIComponent("klick")}`);
  await page.waitForTimeout(300);
  expect(await runnableMarkup(page)).toEqual([]);

  // Editors see the payloads in the queues, with their rule matches and report texts.
  await signIn(page, editor.email, editor.password);
  for (const path of [
    `/moderation/ausstehend?artikel=${article.id}`,
    `/moderation/gemeldet?artikel=${article.id}`,
    `/moderation/personen?q=${encodeURIComponent("img")}`,
  ]) {
    await page.goto(path);
    await page.waitForTimeout(500);
    expect(await runnableMarkup(page), path).toEqual([]);
  }
  await page.goto(`/moderation/gemeldet?artikel=${article.id}`);
  await expect(page.getByText(XSS_PAYLOADS[0]!).first()).toBeVisible();
  expect(fired).toEqual([]);
  await withDb((db) => db.article.delete({ where: { id: article.id } }));
});
