import { expect, test } from "@playwright/test";

import { expectNoAxeViolations } from "../support/axe";
import { SEED_ARTICLE } from "../support/seed";

test.describe("a reader on a fresh start", () => {
  test("finds the demo article on the home page with author, date, excerpt and comment count", async ({ page }) => {
    await page.goto("/");
    await expect(page).toHaveTitle("Agora");
    const lead = page.getByRole("article").first();
    await expect(lead.getByRole("link", { name: SEED_ARTICLE.title })).toBeVisible();
    await expect(lead.getByText("Von Rainer Rupp")).toBeVisible();
    await expect(lead.locator("time")).toHaveText(/\d{1,2}\. \p{L}+ \d{4}/u);
    await expect(lead.getByText(/^Die Bemühungen von Großbritannien/)).toBeVisible();
    await expect(lead.getByRole("link", { name: "6 Kommentare" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("reads the article with its byline, body and the comment section", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: SEED_ARTICLE.title }).click();
    await expect(page).toHaveURL(SEED_ARTICLE.path);
    await expect(page.getByRole("heading", { level: 1, name: SEED_ARTICLE.title })).toBeVisible();
    await expect(page.getByText("Von Rainer Rupp")).toBeVisible();
    await expect(page.getByText(SEED_ARTICLE.sentence)).toBeVisible();
    await expect(page.getByRole("heading", { level: 2, name: "Schreibe einen Kommentar" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("sees the approved demo discussion, threaded, with the newsroom's badge", async ({ page }) => {
    await page.goto(SEED_ARTICLE.path);
    const section = page.locator("#kommentare");
    await expect(section.getByText("6 Kommentare")).toBeVisible();
    const first = section.getByRole("listitem").filter({ hasText: "symbolisches Signal" }).first();
    const replies = first.getByRole("list", { name: "Antworten auf Jonas Weber" });
    await expect(replies.getByText("Symbole zählen in der Diplomatie")).toBeVisible();
    await expect(replies.getByRole("article").filter({ hasText: "Erik Redakteur" }).getByText("Redaktion", { exact: true })).toBeVisible();
  });

  test("jumps from the comment count to the comments", async ({ page }) => {
    await page.goto(SEED_ARTICLE.path);
    await page.getByRole("main").getByRole("link", { name: "6 Kommentare" }).click();
    await expect(page).toHaveURL(/#kommentare$/);
    await expect(page.getByRole("heading", { name: "Schreibe einen Kommentar" })).toBeInViewport();
  });

  test("can skip straight to the content with the keyboard", async ({ page }) => {
    await page.goto("/");
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: "Zum Inhalt springen" });
    await expect(skip).toBeFocused();
    await expect(skip).toBeVisible();
  });
});

test.describe("languages", () => {
  test("German is the default and English is one click away, on every page", async ({ page }) => {
    await page.goto(SEED_ARTICLE.path);
    await expect(page.locator("html")).toHaveAttribute("lang", "de");

    await page.getByRole("button", { name: "Sprache wechseln zu English" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "en");
    await expect(page.getByRole("heading", { level: 2, name: "Leave a comment" })).toBeVisible();
    await expect(page.getByText("By Rainer Rupp")).toBeVisible();
    await expect(page.getByText("6 comments").first()).toBeVisible();
    // The article itself stays as written.
    await expect(page.getByText(SEED_ARTICLE.sentence)).toBeVisible();
    await expectNoAxeViolations(page);

    await page.goto("/");
    await expect(page.getByRole("link", { name: "Home" })).toBeVisible();

    await page.getByRole("button", { name: "Switch language to Deutsch" }).click();
    await expect(page.locator("html")).toHaveAttribute("lang", "de");
    await expect(page.getByRole("link", { name: "Startseite" })).toBeVisible();
  });

  test("the language switch works without JavaScript", async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(SEED_ARTICLE.path);
    await page.getByRole("button", { name: "Sprache wechseln zu English" }).click();
    await expect(page.getByRole("heading", { level: 2, name: "Leave a comment" })).toBeVisible();
    await context.close();
  });
});

test.describe("pages that are not there", () => {
  test("an unknown article gives a friendly 404 page", async ({ page }) => {
    const response = await page.goto("/artikel/gibt-es-nicht");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Zur Startseite" })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test("an unknown address gives the same 404 page", async ({ page }) => {
    const response = await page.goto("/irgendwo/anders");
    expect(response?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1, name: "Seite nicht gefunden" })).toBeVisible();
  });
});
