import { expect, test } from "@playwright/test";
import { createAccount, signIn } from "../support/accounts";
import { SEED_ARTICLE } from "../support/seed";

test("pages answer with a nonce-based Content-Security-Policy and the other security headers", async ({ request }) => {
  const [first, second] = await Promise.all([request.get("/"), request.get("/")]);
  const csp = first.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // A fresh nonce for every response.
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(first.headers()).toMatchObject({ "x-content-type-options": "nosniff", "referrer-policy": "strict-origin-when-cross-origin", "x-frame-options": "DENY" });

  // Every script the page itself runs carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map((match) => match[1] ?? "").filter((attributes) => !attributes.includes("application/ld+json"));
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("the page works under the policy, and an injected event handler does not run", async ({ page }) => {
  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  const reader = await createAccount("READER");
  await signIn(page, reader.email, reader.password);
  await page.goto(SEED_ARTICLE.path);
  // Hydrated: the comment form's live character count answers typing.
  await page.getByLabel("Dein Kommentar").fill("Hallo");
  await expect(page.getByText("5 / 3000 Zeichen")).toBeVisible();
  expect(violations).toEqual([]);

  // Markup that slipped past sanitising could not run script: inline handlers are refused.
  await page.evaluate(() => {
    const div = document.createElement("div");
    div.innerHTML = '<img src="/nicht-da.png" onerror="window.__xss = 1">';
    document.body.append(div);
  });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
  expect(violations.join("\n")).toMatch(/inline event handler/);
});
