import { describe, expect, it } from "vitest";

import { pageCacheKey, parseCookies, sharedCookieHeader } from "@/lib/pagecache/policy";

const request = (url: string, cookies: Record<string, string> = {}, extra: Partial<Parameters<typeof pageCacheKey>[0]> = {}) =>
  pageCacheKey({ method: "GET", url, host: "zeitung.example", cookies, rsc: false, ...extra });

describe("which requests the page cache answers", () => {
  it("shares the public pages and feeds of signed-out readers", () => {
    for (const url of [
      "/",
      "/artikel/ein-text",
      "/rubrik/politik",
      "/thema/wahl",
      "/feed.xml",
      "/atom.xml",
      "/rubrik/politik/feed.xml",
      "/artikel/ein-text/kommentare/feed.xml",
    ]) {
      expect(request(url), url).not.toBeNull();
    }
  });

  it("renders everything else per request: accounts, search, moderation, admin, the live stream, uploads", () => {
    for (const url of [
      "/anmelden",
      "/konto",
      "/suche?q=x",
      "/moderation",
      "/admin/artikel",
      "/api/live/abc",
      "/medien/x.png",
      "/artikel/a/b",
    ]) {
      expect(request(url), url).toBeNull();
    }
  });

  it("never shares the page of a signed-in reader", () => {
    expect(request("/artikel/x", { "authjs.session-token": "abc" })).toBeNull();
    expect(request("/artikel/x", { "__Secure-authjs.session-token": "abc" })).toBeNull();
    expect(request("/artikel/x", { "authjs.session-token.0": "abc" })).toBeNull();
  });

  it("renders per request a page whose form the URL opens, an unknown parameter and a POST", () => {
    expect(request("/artikel/x?antworten=c1")).toBeNull();
    expect(request("/artikel/x?bearbeiten=c1")).toBeNull();
    expect(request("/?abgemeldet=1")).toBeNull();
    expect(request("/artikel/x?utm_source=feed")).toBeNull();
    expect(request("/artikel/x", {}, { method: "POST" })).toBeNull();
  });

  it("shares a signed-out reader's client-side refresh of a public page, keyed apart from the HTML by its _rsc parameter", () => {
    const refresh = request("/artikel/x?_rsc=abc", {}, { rsc: true });
    expect(refresh).not.toBeNull();
    expect(refresh).not.toBe(request("/artikel/x"));
    expect(request("/artikel/x?_rsc=other", {}, { rsc: true })).not.toBe(refresh);
    // Either half alone is not a navigation Next.js answers consistently.
    expect(request("/artikel/x", {}, { rsc: true })).toBeNull();
    expect(request("/artikel/x?_rsc=abc")).toBeNull();
    expect(request("/artikel/x?_rsc=abc", { "authjs.session-token": "s" }, { rsc: true })).toBeNull();
  });

  it("keys a page by host, path, the parameters it reads in any order, and the language and sort cookies only", () => {
    expect(request("/artikel/x?anzahl=40&thread=t1")).toBe(request("/artikel/x?thread=t1&anzahl=40"));
    expect(request("/artikel/x?anzahl=40")).not.toBe(request("/artikel/x"));
    expect(request("/artikel/x", { NEXT_LOCALE: "en" })).not.toBe(request("/artikel/x"));
    expect(request("/artikel/x", { agora_comment_sort: "oldest" })).not.toBe(request("/artikel/x"));
    expect(request("/artikel/x", { _ga: "tracking" })).toBe(request("/artikel/x"));
    expect(request("/artikel/x", {}, { host: "andere.example" })).not.toBe(request("/artikel/x"));
  });

  it("sends the shared render only the cookies the page reads", () => {
    const cookies = parseCookies("NEXT_LOCALE=en; authjs.session-token=secret; agora_comment_sort=oldest; _ga=1");
    expect(sharedCookieHeader(cookies)).toBe("NEXT_LOCALE=en; agora_comment_sort=oldest");
  });
});
