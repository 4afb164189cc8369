import { spawn, type ChildProcess } from "node:child_process";
import { expect, test, type Browser, type Page } from "@playwright/test";

import { freePort } from "../../lib/db/embedded";
import { productionServerArgs, serverEnv } from "../../scripts/serve";
import { createAccount, E2E_PASSWORD } from "../support/accounts";
import { e2eDatabaseUrl } from "../support/app";
import { addComments, commentSection, commentWith, createArticle, writeComment } from "../support/comments";
import { startVarnish } from "../support/varnish";

/**
 * The busy-site setup of deploy/: a real Varnish (deploy/varnish.vcl) in front of two more
 * instances of the production build on the test database. What one instance changes must reach
 * readers of the other and of the cache within two seconds, and nothing personal may ever be
 * served from a cache.
 */
test.describe.configure({ mode: "serial", timeout: 120_000 });

let instances: { url: string; child: ChildProcess }[] = [];
let varnish: Awaited<ReturnType<typeof startVarnish>>;
/** Every response read through Varnish, to check at the end that none served from it set a cookie. */
const throughVarnish: { url: string; hit: boolean; setCookie: boolean; cacheControl: string }[] = [];

test.beforeAll(async () => {
  const ports = [await freePort(), await freePort()];
  varnish = await startVarnish(ports);
  instances = ports.map((port) => ({
    url: `http://127.0.0.1:${port}`,
    child: spawn(process.execPath, productionServerArgs(port, "127.0.0.1"), {
      env: { ...serverEnv(e2eDatabaseUrl(), false), AGORA_PURGE_URLS: `${varnish.url}/` },
      stdio: "ignore",
    }),
  }));
  for (const url of [...instances.map((instance) => instance.url), varnish.url]) {
    await expect(async () => expect((await fetch(`${url}/api/health`)).status).toBe(200)).toPass({ timeout: 60_000 });
  }
});

test.afterAll(async () => {
  for (const { child } of instances) child.kill("SIGTERM");
  await varnish?.stop();
});

/** A signed-out reader's page as text, and how it was served. */
async function anonymous(base: string, path: string) {
  const response = await fetch(`${base}${path}`);
  const result = {
    html: await response.text(),
    varnish: response.headers.get("x-varnish-cache"),
    app: response.headers.get("x-agora-cache"),
  };
  if (base === varnish.url) {
    throughVarnish.push({
      url: path,
      hit: result.varnish === "HIT",
      setCookie: response.headers.has("set-cookie"),
      cacheControl: response.headers.get("cache-control") ?? "",
    });
  }
  return result;
}

/** Milliseconds until `check` holds for the page at every base, polling every 100 ms; fails after 2 s. */
async function timeUntil(bases: string[], path: string, check: (html: string) => boolean): Promise<number> {
  const start = Date.now();
  const pending = new Set(bases);
  while (pending.size > 0) {
    for (const base of [...pending]) if (check((await anonymous(base, path)).html)) pending.delete(base);
    if (pending.size === 0) break;
    if (Date.now() - start > 2_000) throw new Error(`after 2 s still stale at ${[...pending].join(", ")}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return Date.now() - start;
}

async function signInAt(browser: Browser, base: string, email: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: base });
  const page = await context.newPage();
  await page.goto("/anmelden");
  await page.getByLabel("E-Mail-Adresse").fill(email);
  await page.getByLabel("Passwort", { exact: true }).fill(E2E_PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await expect(page).not.toHaveURL(/\/anmelden/);
  return page;
}

test("a comment posted at one instance reaches signed-out readers at the other and through Varnish within 2 s, and so does its rejection", async ({
  browser,
}) => {
  const [reader, editor, article] = await Promise.all([createAccount("READER"), createAccount("EDITOR"), createArticle()]);
  const [a, b] = instances.map((instance) => instance.url) as [string, string];

  // Both caches hold the page: the second view comes from memory at B and from Varnish.
  await anonymous(b, article.path);
  expect((await anonymous(b, article.path)).app).toBe("HIT");
  await anonymous(varnish.url, article.path);
  expect((await anonymous(varnish.url, article.path)).varnish).toBe("HIT");

  const page = await signInAt(browser, a, reader.email);
  await page.goto(article.path);
  await writeComment(page, "Über Instanz A geschrieben.");
  await commentSection(page).getByRole("button", { name: "Kommentar senden" }).click();
  await expect(commentWith(page, "Über Instanz A geschrieben.")).toBeVisible();
  const shown = await timeUntil([b, varnish.url], article.path, (html) => html.includes("Über Instanz A geschrieben."));
  console.log(`new comment visible at B and through Varnish after ${shown} ms`);

  const desk = await signInAt(browser, a, editor.email);
  await desk.goto(`/moderation/freigegeben?artikel=${article.id}`);
  await expect(desk.locator("[data-queue-item]")).toHaveCount(1);
  await desk.keyboard.press("j");
  await desk.keyboard.press("r");
  await desk.keyboard.type("Nicht zum");
  await desk.keyboard.press("Enter");
  await expect(desk.getByRole("status").filter({ hasText: "Abgelehnt." })).toBeVisible();
  const gone = await timeUntil([b, varnish.url], article.path, (html) => !html.includes("Über Instanz A geschrieben."));
  console.log(`rejected comment gone at B and through Varnish after ${gone} ms`);
  await page.context().close();
  await desk.context().close();
});

test("a signed-in reader always gets their own page through Varnish, and nobody else sees it", async ({ browser }) => {
  const [reader, other, article] = await Promise.all([
    createAccount("READER", "Vera Varnish"),
    createAccount("READER", "Otto Ohnecache"),
    createArticle(),
  ]);
  await addComments(article.id, reader.id, ["Noch nicht freigegeben, nur für Vera."], {
    status: "PENDING",
    flags: [{ rule: "premoderation" }],
  });
  // The signed-out page is in Varnish first.
  await anonymous(varnish.url, article.path);
  expect((await anonymous(varnish.url, article.path)).varnish).toBe("HIT");

  const vera = await signInAt(browser, varnish.url, reader.email);
  const response = await vera.goto(article.path);
  expect(response?.headers()["x-varnish-cache"]).toBe("MISS");
  expect(response?.headers()["cache-control"]).toMatch(/private|no-store/);
  await expect(commentWith(vera, "Noch nicht freigegeben, nur für Vera.")).toContainText("wartet auf Freigabe");
  await expect(vera.getByRole("banner")).toContainText("Vera Varnish");

  const otto = await signInAt(browser, varnish.url, other.email);
  await otto.goto(article.path);
  await expect(otto.getByRole("banner")).toContainText("Otto Ohnecache");
  await expect(commentWith(otto, "Noch nicht freigegeben")).toHaveCount(0);

  const signedOut = await anonymous(varnish.url, article.path);
  expect(signedOut.varnish).toBe("HIT");
  expect(signedOut.html).not.toContain("Noch nicht freigegeben");
  expect(signedOut.html).not.toContain("Vera Varnish");
  await vera.context().close();
  await otto.context().close();
});

test("no response served from the cache carries a cookie or a private page", () => {
  expect(throughVarnish.filter((response) => response.hit).length).toBeGreaterThan(0);
  for (const response of throughVarnish.filter((r) => r.hit)) {
    expect(response.setCookie, response.url).toBe(false);
    expect(response.cacheControl, response.url).toContain("public");
  }
});
