import { createHash } from "node:crypto";
import { expect, test } from "@playwright/test";

import { createAccount, signIn } from "../support/accounts";
import { SEED_ARTICLE } from "../support/seed";

test("signed-in pages answer with a nonce-based Content-Security-Policy and the other security headers", async ({ page }) => {
  const reader = await createAccount("READER");
  await signIn(page, reader.email, reader.password);
  const [first, second] = await Promise.all([page.request.get("/"), page.request.get("/")]);
  const csp = first.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  const nonce = /'nonce-([^']+)'/.exec(scriptSrc)?.[1];
  expect(nonce).toBeTruthy();
  expect(scriptSrc).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  // A fresh nonce for every response.
  expect(second.headers()["content-security-policy"]).not.toContain(nonce);
  expect(first.headers()).toMatchObject({
    "x-content-type-options": "nosniff",
    "referrer-policy": "strict-origin-when-cross-origin",
    "x-frame-options": "DENY",
  });

  // Every script the page itself runs carries this response's nonce.
  const html = await first.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
    .map((match) => match[1] ?? "")
    .filter((attributes) => !attributes.includes("application/ld+json"));
  expect(scripts.length).toBeGreaterThan(0);
  for (const attributes of scripts) expect(attributes).toContain(`nonce="${nonce}"`);
});

test("signed-out pages from the page cache allow exactly their own inline scripts, by hash, and work under that policy", async ({
  page,
  request,
}) => {
  await request.get(SEED_ARTICLE.path);
  const cached = await request.get(SEED_ARTICLE.path);
  expect(cached.headers()["x-agora-cache"]).toBe("HIT");
  const csp = cached.headers()["content-security-policy"] ?? "";
  const scriptSrc = csp.split(";").find((directive) => directive.trim().startsWith("script-src")) ?? "";
  expect(scriptSrc).not.toMatch(/unsafe-inline|nonce-|strict-dynamic/);
  expect(csp).toContain("frame-ancestors 'none'");
  expect(cached.headers()).toMatchObject({ "x-content-type-options": "nosniff", "x-frame-options": "DENY" });
  expect(cached.headers()["set-cookie"]).toBeUndefined();

  // Every inline script the browser would run is named by its hash; script files are our own.
  const html = await cached.text();
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(
    ([, attributes]) => !attributes?.includes("application/ld+json"),
  );
  expect(scripts.length).toBeGreaterThan(0);
  for (const [, attributes = "", body = ""] of scripts) {
    const src = /\ssrc="([^"]+)"/.exec(` ${attributes}`)?.[1];
    if (src) expect(src).toMatch(/^\/_next\//);
    else expect(scriptSrc).toContain(`'sha256-${createHash("sha256").update(body).digest("base64")}'`);
  }

  const violations: string[] = [];
  page.on("console", (message) => {
    if (message.text().includes("Content Security Policy")) violations.push(message.text());
  });
  await page.goto(SEED_ARTICLE.path);
  // Hydrated: the client-side router is up.
  await expect
    .poll(() => page.evaluate(() => "next" in window && Boolean((window as { next?: { router?: unknown } }).next?.router)))
    .toBe(true);
  expect(violations).toEqual([]);
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
