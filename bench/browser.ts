import { gzipSync } from "node:zlib";
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import { chromium } from "playwright";

import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/chromium";
import { signInPage } from "./sessions";

/** JavaScript and CSS an article page loads, gzipped as `next start` sends them; signed out and signed in. */
export async function pageWeight(base: string, articleUrl: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const measure = async (context: Awaited<ReturnType<typeof browser.newContext>>, url: string) => {
      const page = await context.newPage();
      const sizes = { js: 0, css: 0 };
      const pending: Promise<void>[] = [];
      page.on("response", (response) => {
        const type = response.headers()["content-type"] ?? "";
        const kind = type.includes("javascript") ? "js" : type.includes("text/css") ? "css" : null;
        if (!kind) return;
        pending.push(
          response
            .body()
            .then((body) => void (sizes[kind] += gzipSync(body).length))
            .catch(() => {}),
        );
      });
      await page.goto(url, { waitUntil: "networkidle" });
      await Promise.all(pending);
      await page.close();
      return sizes;
    };
    const anonymous = await browser.newContext();
    const signedOut = await measure(anonymous, articleUrl);
    const home = await measure(anonymous, base);
    const reader = await browser.newContext();
    await signInPage(await reader.newPage(), base, 500);
    const signedIn = await measure(reader, articleUrl);
    // What the article page loads beyond the home page: the comment section's own client code, roughly.
    return { signedOut, signedIn, home, articleBeyondHomeJs: Math.max(0, signedOut.js - home.js) };
  } finally {
    await browser.close();
  }
}

/** Lighthouse's four category scores (its default: a mid-range phone on a throttled connection, simulated). */
export async function lighthouseScores(urls: Record<string, string>) {
  const chrome = await chromeLauncher.launch({ chromePath: CHROMIUM, chromeFlags: ["--headless=new", ...CHROMIUM_ARGS] });
  try {
    const scores: Record<string, Record<string, number>> = {};
    for (const [name, url] of Object.entries(urls)) {
      const result = await lighthouse(url, {
        port: chrome.port,
        output: "json",
        logLevel: "error",
        onlyCategories: ["performance", "accessibility", "best-practices", "seo"],
      });
      const categories = result?.lhr.categories ?? {};
      scores[name] = Object.fromEntries(
        Object.entries(categories).map(([key, category]) => [key, Math.round((category.score ?? 0) * 100)]),
      );
    }
    return scores;
  } finally {
    chrome.kill();
  }
}
