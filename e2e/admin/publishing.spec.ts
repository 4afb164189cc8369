import { randomBytes } from "node:crypto";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { XMLValidator } from "fast-xml-parser";

import { createAccount, signIn, withDb } from "../support/accounts";
import { expectNoAxeViolations } from "../support/axe";

// A 1×1 PNG, uploaded as the lead image.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==", "base64");

// Articles these tests publish now would lead the home page that later tests expect the demo article on.
const created: string[] = [];
test.afterEach(async () => {
  await withDb((db) => db.article.deleteMany({ where: { title: { in: created.splice(0) } } }));
});

async function newArticle(page: Page, title: string, body: string) {
  created.push(title);
  await page.goto("/admin/artikel/neu");
  await page.getByLabel("Titel", { exact: true }).fill(title);
  await page.getByLabel("Text (Markdown)").fill(body);
  // The draft saves itself and the address becomes the article's own.
  await expect(page.getByText(/Gespeichert um/)).toBeVisible({ timeout: 10_000 });
  await expect(page).toHaveURL(/\/admin\/artikel\/[\w-]+$/);
}

test("an admin writes an article with an image, previews and publishes it, and readers find it everywhere", async ({
  page,
  browser,
  request,
}) => {
  // One long journey through editor, preview, public pages, feeds, search and deletion.
  test.setTimeout(90_000);
  const admin = await createAccount("ADMIN");
  const id = randomBytes(2).toString("hex");
  const word = "Elbbrücke";
  const title = `Neue ${word} in Hamburg eröffnet (${id})`;
  await signIn(page, admin.email, admin.password);
  await newArticle(page, title, `Die **${word}** verbindet zwei Stadtteile.\n\n## Verkehr\n\nDer Verkehr fließt seit Montag.`);

  // The slug follows the title, German letters transliterated.
  await expect(page.getByLabel("Adresse (Slug)")).toHaveValue(`neue-elbbruecke-in-hamburg-eroeffnet-${id}`);
  const slug = await page.getByLabel("Adresse (Slug)").inputValue();
  // The live preview shows the body as the article page will.
  const preview = page.getByTestId("live-preview");
  await expect(preview.locator("strong")).toHaveText(word);
  await expect(preview.getByRole("heading", { level: 2, name: "Verkehr" })).toBeVisible();

  await page.getByLabel("Vorspann").fill("Ein Bauwerk für den Hafen.");
  await page.getByLabel("Rubrik").selectOption({ label: "Wirtschaft" });
  await page.getByLabel("Themen (Schlagwörter)").fill("Verkehr, Hamburg");
  await page.getByLabel("Bild hochladen").setInputFiles({ name: "bruecke.png", mimeType: "image/png", buffer: PNG });
  // Once uploaded, the image shows and asks for its description.
  await page.getByLabel("Bildbeschreibung (Alternativtext)").fill("Die Brücke im Abendlicht");
  await expect(page.getByRole("img", { name: "Die Brücke im Abendlicht" })).toBeVisible();
  // The image is served from the storage byte for byte, cacheable for ever.
  const imageUrl = await page.getByRole("img", { name: "Die Brücke im Abendlicht" }).getAttribute("src");
  const image = await request.get(imageUrl!);
  expect(image.headers()["cache-control"]).toBe("public, max-age=31536000, immutable");
  expect((await image.body()).equals(PNG)).toBe(true);
  await page.getByLabel("Bildunterschrift").fill("Foto: Agora");
  await expect(page.getByText(/Gespeichert um/)).toBeVisible({ timeout: 10_000 });
  await expectNoAxeViolations(page);

  // The private preview shows the draft as readers will see it.
  const [previewPage] = await Promise.all([page.context().waitForEvent("page"), page.getByRole("link", { name: "Vorschau" }).click()]);
  await expect(previewPage.getByRole("heading", { level: 1, name: title })).toBeVisible();
  await expect(previewPage.getByRole("note")).toContainText("Status: Entwurf");
  await expect(previewPage.getByRole("img", { name: "Die Brücke im Abendlicht" })).toBeVisible();
  await previewPage.close();

  // Not public before publishing.
  const anonymous = await (await browser.newContext()).newPage();
  expect((await anonymous.goto(`/artikel/${slug}`))?.status()).toBe(404);

  await page.getByRole("button", { name: "Jetzt veröffentlichen" }).click();
  await expect(page.getByTestId("article-status")).toHaveText(/Veröffentlicht am/);

  // The home page leads with it; it is in its section, under its tag, in the feed and in search.
  await anonymous.goto("/");
  await expect(anonymous.getByRole("article").first().getByRole("link", { name: title })).toBeVisible();
  await anonymous.goto("/rubrik/wirtschaft");
  await expect(anonymous.getByRole("link", { name: title })).toBeVisible();
  await expectNoAxeViolations(anonymous);
  await anonymous.goto("/thema/hamburg");
  await expect(anonymous.getByRole("heading", { level: 1, name: "#Hamburg" })).toBeVisible();
  await expect(anonymous.getByRole("link", { name: title })).toBeVisible();
  await expectNoAxeViolations(anonymous);
  const feed = await (await request.get("/feed.xml")).text();
  expect(XMLValidator.validate(feed)).toBe(true);
  expect(feed).toContain(`<title><![CDATA[${title}]]></title>`);
  expect(await (await request.get("/rubrik/wirtschaft/feed.xml")).text()).toContain(title);

  await anonymous.goto("/");
  // Another form of the word finds it (German stemming).
  await anonymous.getByRole("searchbox", { name: "Suchbegriff" }).fill(`Elbbrücken ${id}`);
  await anonymous.getByRole("searchbox", { name: "Suchbegriff" }).press("Enter");
  await expect(anonymous.getByRole("status")).toHaveText(/1 Treffer/);
  await expect(anonymous.getByRole("link", { name: title })).toBeVisible();
  await expect(anonymous.locator("mark").first()).toHaveText(word);
  await expectNoAxeViolations(anonymous);

  // The article page: image, tags, machine-readable metadata.
  await anonymous.goto(`/artikel/${slug}`);
  await expect(anonymous.getByRole("img", { name: "Die Brücke im Abendlicht" })).toBeVisible();
  await expect(anonymous.getByText("Foto: Agora")).toBeVisible();
  await expect(anonymous.getByRole("navigation", { name: "Themen" }).getByRole("link", { name: "#Verkehr" })).toBeVisible();
  await expect(anonymous.locator('meta[property="og:title"]')).toHaveAttribute("content", title);
  await expect(anonymous.locator('link[rel="canonical"]')).toHaveAttribute("href", new RegExp(`/artikel/${slug}$`));
  const jsonLd = JSON.parse((await anonymous.locator('script[type="application/ld+json"]').textContent()) ?? "{}");
  expect(jsonLd).toMatchObject({ "@type": "NewsArticle", headline: title, articleSection: "Wirtschaft", commentCount: 0 });
  await expectNoAxeViolations(anonymous);
  const sitemap = await (await request.get("/sitemap.xml")).text();
  expect(XMLValidator.validate(sitemap)).toBe(true);
  expect(sitemap).toContain(`/artikel/${slug}</loc>`);
  expect(await (await request.get("/robots.txt")).text()).toMatch(/Disallow: \/admin[\s\S]*Sitemap: http:\/\/localhost:\d+\/sitemap\.xml/);

  // A new slug after publication: the old address keeps working.
  await page.getByLabel("Adresse (Slug)").fill(`elbbruecke-eroeffnet-${id}`);
  await page.getByRole("button", { name: "Aktualisieren" }).click();
  await expect(page.getByText(/Gespeichert um/)).toBeVisible();
  await anonymous.goto(`/artikel/${slug}`);
  await expect(anonymous).toHaveURL(new RegExp(`/artikel/elbbruecke-eroeffnet-${id}$`));

  // Deleting asks first, then the article is gone for readers.
  await page.getByRole("button", { name: "Artikel löschen" }).click();
  await page.getByRole("button", { name: "Endgültig löschen" }).click();
  await expect(page).toHaveURL(/\/admin\/artikel\?geloescht=1$/);
  await expect(page.getByRole("status").filter({ hasText: "Der Artikel wurde gelöscht." })).toBeVisible();
  await expectNoAxeViolations(page);
  await anonymous.goto("/");
  await expect(anonymous.getByRole("link", { name: title })).toHaveCount(0);
});

test("an article scheduled a minute ahead appears on its own when its time comes", async ({ page, browser }) => {
  test.setTimeout(180_000);
  const admin = await createAccount("ADMIN");
  const title = `Geplant ${randomBytes(3).toString("hex")}`;
  await signIn(page, admin.email, admin.password);
  await newArticle(page, title, "Erscheint zur vollen Minute.");

  // The next full minute at least 35 seconds away, in the browser's own time zone.
  const at = await page.evaluate(() => {
    const date = new Date(Date.now() + 35_000);
    date.setSeconds(0, 0);
    date.setMinutes(date.getMinutes() + 1);
    const pad = (n: number) => String(n).padStart(2, "0");
    return {
      local: `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`,
      time: date.getTime(),
    };
  });
  await page.getByLabel("Veröffentlichen am").fill(at.local);
  await page.getByRole("button", { name: "Planen" }).click();
  await expect(page.getByTestId("article-status")).toHaveText(/Geplant für/);

  const reader = await (await browser.newContext()).newPage();
  await reader.goto("/");
  await expect(reader.getByRole("link", { name: title })).toHaveCount(0);
  await expect(async () => {
    await reader.goto("/");
    await expect(reader.getByRole("link", { name: title })).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: Math.max(5_000, at.time - Date.now()) + 60_000, intervals: [5_000] });
  expect(Date.now()).toBeGreaterThanOrEqual(at.time);

  // The admin list shows it as published once the scheduler has run.
  await expect(async () => {
    await page.goto(`/admin/artikel?q=${encodeURIComponent(title)}`);
    await expect(page.getByRole("row", { name: new RegExp(title) })).toContainText("Veröffentlicht", { timeout: 1000 });
  }).toPass({ timeout: 45_000, intervals: [5_000] });
});

test("an admin imports a WordPress export and sees what was imported and skipped", async ({ page }) => {
  const admin = await createAccount("ADMIN");
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/import");
  await page.getByLabel("WordPress-Export (XML)").setInputFiles(path.resolve("tests/fixtures/wordpress-export.xml"));
  await page.getByRole("button", { name: "Importieren" }).click();
  await expect(page.getByRole("heading", { name: "Import abgeschlossen" })).toBeVisible({ timeout: 20_000 });
  await expect(page.getByText(/^Artikel: \d+ neu, 0 aktualisiert$/)).toBeVisible();
  await expect(page.getByRole("cell", { name: /im Papierkorb/ }).first()).toBeVisible();
  await expect(page.getByRole("cell", { name: /Seiten gehören nicht zu den Artikeln/ })).toBeVisible();
  await expectNoAxeViolations(page);

  // Again: updated, not duplicated.
  await page.getByLabel("WordPress-Export (XML)").setInputFiles(path.resolve("tests/fixtures/wordpress-export.xml"));
  await page.getByRole("button", { name: "Importieren" }).click();
  await expect(page.getByText(/^Artikel: 0 neu, \d+ aktualisiert$/)).toBeVisible({ timeout: 20_000 });

  // A file that is no WordPress export is refused with a clear message.
  await page
    .getByLabel("WordPress-Export (XML)")
    .setInputFiles({ name: "notes.xml", mimeType: "text/xml", buffer: Buffer.from("<notes><note>Hallo</note></notes>") });
  await page.getByRole("button", { name: "Importieren" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Das ist kein WordPress-Export" })).toBeVisible();
});

test("readers and editors cannot reach the newsroom's admin pages or its upload", async ({ page, request }) => {
  for (const role of ["READER", "EDITOR"] as const) {
    const person = await createAccount(role);
    await signIn(page, person.email, person.password);
    for (const path of ["/admin/artikel", "/admin/artikel/neu", "/admin/rubriken", "/admin/import"]) {
      const response = await page.goto(path);
      expect(response?.status(), `${role} ${path}`).toBe(403);
    }
    const upload = await page.request.post("/api/admin/medien", {
      multipart: { file: { name: "a.png", mimeType: "image/png", buffer: PNG } },
      headers: { origin: new URL(page.url()).origin },
    });
    expect(upload.status()).toBe(403);
    await page.context().clearCookies();
  }
  // Signed out: sent to sign in, and the upload refuses.
  await page.goto("/admin/artikel");
  await expect(page).toHaveURL(/\/anmelden\?callbackUrl=%2Fadmin/);
  expect(
    (await request.post("/api/admin/medien", { multipart: { file: { name: "a.png", mimeType: "image/png", buffer: PNG } } })).status(),
  ).toBe(403);
});

test("an admin adds a section, and it appears in the navigation with its own page", async ({ page }) => {
  const admin = await createAccount("ADMIN");
  const name = `Wissen ${randomBytes(2).toString("hex")}`;
  await signIn(page, admin.email, admin.password);
  await page.goto("/admin/rubriken");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Hinzufügen" }) });
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Position").fill("9");
  await form.getByRole("button", { name: "Hinzufügen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Die Rubrik wurde angelegt." })).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name }).click();
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
  await expect(page.getByText("Hier ist noch nichts veröffentlicht.")).toBeVisible();

  // Deleting asks first.
  await page.goto("/admin/rubriken");
  const row = page.locator("form").filter({ has: page.locator(`input[value="${name}"]`) });
  page.once("dialog", (dialog) => void dialog.dismiss());
  await row.getByRole("button", { name: "Löschen" }).click();
  await expect(page.locator(`input[value="${name}"]`)).toHaveCount(1);
  page.once("dialog", (dialog) => {
    expect(dialog.message()).toContain(`Rubrik „${name}“ löschen?`);
    void dialog.accept();
  });
  await row.getByRole("button", { name: "Löschen" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Die Rubrik wurde gelöscht" })).toBeVisible();
  await expect(page.locator(`input[value="${name}"]`)).toHaveCount(0);
  await expect(page.getByRole("navigation", { name: "Hauptnavigation" }).getByRole("link", { name })).toHaveCount(0);
});
