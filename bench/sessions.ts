import { chromium, type Page, type Request } from "playwright";

import { CHROMIUM, CHROMIUM_ARGS } from "../e2e/chromium";
import { PASSWORD, readerEmail } from "./seed";

export interface CapturedRequest {
  headers: Record<string, string>;
  body: string;
}

const isActionCall = (request: Request) => request.method() === "POST" && !!request.headers()["next-action"];

/** Signs a seeded reader in on the sign-in page, as a person would. */
export async function signInPage(page: Page, base: string, reader: number) {
  await page.goto(`${base}/anmelden`);
  await page.getByLabel("E-Mail-Adresse").fill(readerEmail(reader));
  await page.getByLabel("Passwort", { exact: true }).fill(PASSWORD);
  await page.getByRole("button", { name: "Anmelden" }).click();
  await page.waitForURL((url) => !url.pathname.startsWith("/anmelden"));
}

/**
 * The sign-in and the comment post as a browser sends them to their server actions: captured
 * once in Chromium (reader `reader` signs in and posts `template` on the article), so that they
 * can be replayed over plain HTTP for many readers.
 */
export async function captureSubmissions(base: string, articleUrl: string, reader: number, template: string) {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage();
    const signIn = page.waitForRequest(isActionCall);
    await signInPage(page, base, reader);
    const captured = await signIn;
    const signInRequest: CapturedRequest = { headers: await captured.allHeaders(), body: captured.postData() ?? "" };
    await page.goto(articleUrl);
    await page.locator("#kommentare").getByRole("textbox", { name: "Dein Kommentar" }).fill(template);
    const post = page.waitForRequest(isActionCall);
    await page.locator("#kommentare").getByRole("button", { name: "Kommentar senden" }).click();
    const sent = await post;
    const postRequest: CapturedRequest = { headers: await sent.allHeaders(), body: sent.postData() ?? "" };
    return { signIn: signInRequest, post: postRequest, captureEmail: readerEmail(reader) };
  } finally {
    await browser.close();
  }
}

/** A captured request's headers without those that belong to one connection, body or session. */
export const replayHeaders = (headers: Record<string, string>, drop: readonly string[] = []) =>
  Object.fromEntries(
    Object.entries(headers).filter(
      ([name]) => !["cookie", "content-length", "host", "connection", ...drop].includes(name) && !name.startsWith(":"),
    ),
  );

/**
 * Signs seeded readers in through the captured sign-in, each from its own (forwarded) address
 * because sign-in is limited per address. Returns one session cookie per reader that got in.
 */
export async function signInReaders(base: string, captured: { signIn: CapturedRequest; captureEmail: string }, readers: number[]) {
  const cookies: string[] = [];
  for (const [i, reader] of readers.entries()) {
    const response = await fetch(`${base}/anmelden`, {
      method: "POST",
      headers: { ...replayHeaders(captured.signIn.headers), "x-forwarded-for": `10.9.${i >> 8}.${i & 255}` },
      body: captured.signIn.body.replace(captured.captureEmail, readerEmail(reader)),
      redirect: "manual",
    });
    const session = response.headers
      .getSetCookie()
      .map((cookie) => cookie.split(";")[0]!)
      .filter((cookie) => cookie.includes("session-token"));
    if (session.length) cookies.push(session.join("; "));
  }
  return cookies;
}
