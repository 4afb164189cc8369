import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

import { clearPageCache, expirePageTags } from "@/lib/cache/page-store";
import { notePageTags, RENDER_HEADER } from "@/lib/cache/render-tags";
import { setListening } from "@/lib/cache/trust";
import { createPageCacheFront } from "@/lib/pagecache/front";

/**
 * The page cache in front of a stand-in for Next.js that counts its renders and answers with the
 * current "state" of the article: what readers get, and when the server renders.
 */
let server: Server;
let base: string;
let state = "Erster Stand";
let renders = 0;
let renderDelayMs = 0;
let setCookie = false;

async function stubNext(req: IncomingMessage, res: ServerResponse) {
  renders += 1;
  const seen = state;
  await new Promise((resolve) => setTimeout(resolve, renderDelayMs));
  // What a page's reads note while it is rendered for the cache.
  process.env.NEXT_RUNTIME = "nodejs";
  const id = req.headers[RENDER_HEADER];
  if (typeof id === "string") await notePageTagsFor(id, ["article:debatte", "articles"]);
  res.writeHead(200, {
    "content-type": req.headers.rsc ? "text/x-component" : "text/html; charset=utf-8",
    "cache-control": "private, no-store",
    ...(setCookie ? { "set-cookie": "x=1" } : {}),
  });
  res.end(`<html><body><script>self.x=1</script><p>${seen}</p><p>${req.headers.cookie ?? "keine Cookies"}</p></body></html>`);
}

// notePageTags reads the render id from Next.js's request headers; the stand-in hands it over.
let renderId = "";
vi.mock("next/headers", () => ({ headers: async () => new Headers({ [RENDER_HEADER]: renderId }) }));

async function notePageTagsFor(id: string, tags: string[]) {
  renderId = id;
  await notePageTags(tags);
}

const get = async (path: string, headers: Record<string, string> = {}) => {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, cache: response.headers.get("x-agora-cache"), headers: response.headers, text: await response.text() };
};

beforeAll(async () => {
  const front = createPageCacheFront({
    next: (req, res) => stubNext(req, res),
    selfUrl: () => base,
    cacheTimes: async () => ({ sharedMaxAge: 300, staleWhileRevalidate: 60, staleIfError: 86_400 }),
  });
  server = createServer((req, res) => void front(req, res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.close();
  delete process.env.NEXT_RUNTIME;
});
beforeEach(() => {
  clearPageCache();
  setListening(true);
  state = "Erster Stand";
  renders = 0;
  renderDelayMs = 0;
  setCookie = false;
});

describe("the page cache in front of Next.js", () => {
  it("renders a signed-out page once, then serves it from memory with public headers, a hashed policy and its tags", async () => {
    const first = await get("/artikel/debatte");
    expect(first.cache).toBe("MISS");
    const second = await get("/artikel/debatte");
    expect(second).toMatchObject({ status: 200, cache: "HIT" });
    expect(second.text).toContain("Erster Stand");
    expect(renders).toBe(1);
    expect(second.headers.get("cache-control")).toContain("public");
    expect(second.headers.get("content-security-policy")).toMatch(/script-src 'self' 'sha256-[^']+'/);
    expect(second.headers.get("xkey")).toBe("article:debatte articles");
    expect(second.headers.get("set-cookie")).toBeNull();
  });

  it("renders as nobody in particular: the session and other cookies never reach the shared render", async () => {
    await get("/artikel/debatte", { cookie: "NEXT_LOCALE=en; _ga=123" });
    const page = await get("/artikel/debatte", { cookie: "NEXT_LOCALE=en; _ga=456" });
    expect(page.cache).toBe("HIT");
    expect(page.text).toContain("NEXT_LOCALE=en");
    expect(page.text).not.toContain("_ga");
    const signedIn = await get("/artikel/debatte", { cookie: "authjs.session-token=geheim" });
    expect(signedIn.cache).toBeNull();
    expect(signedIn.headers.get("cache-control")).toBe("private, no-store");
  });

  it("shares one render among readers arriving together", async () => {
    renderDelayMs = 200;
    const pages = await Promise.all(Array.from({ length: 20 }, () => get("/artikel/debatte")));
    expect(pages.every((page) => page.status === 200 && page.text.includes("Erster Stand"))).toBe(true);
    expect(renders).toBe(1);
  });

  it("after a change, answers from the old copy for at most a second while the new one renders, then from the new one", async () => {
    await get("/artikel/debatte");
    state = "Neuer Kommentar";
    renderDelayMs = 150;
    expirePageTags(["article:debatte"]);
    const during = await get("/artikel/debatte");
    expect(during.cache).toBe("STALE");
    expect(during.text).toContain("Erster Stand");
    // A cache in front must not keep the old copy past the purge.
    expect(during.headers.get("cache-control")).toBe("public, max-age=0, s-maxage=0");
    await new Promise((resolve) => setTimeout(resolve, 300));
    const after = await get("/artikel/debatte");
    expect(after).toMatchObject({ cache: "HIT" });
    expect(after.text).toContain("Neuer Kommentar");
  });

  it("past that second, readers wait for the new page rather than get the old one", async () => {
    await get("/artikel/debatte");
    state = "Abgelehnt und entfernt";
    expirePageTags(["article:debatte"]);
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    renderDelayMs = 100;
    const page = await get("/artikel/debatte");
    expect(page.cache).toBe("MISS");
    expect(page.text).toContain("Abgelehnt und entfernt");
  });

  it("never gives a live refresh the old copy: it asks because of the change", async () => {
    await get("/artikel/debatte?_rsc=abc", { rsc: "1" });
    state = "Neuer Kommentar";
    expirePageTags(["article:debatte"]);
    const refresh = await get("/artikel/debatte?_rsc=abc", { rsc: "1" });
    expect(refresh.text).toContain("Neuer Kommentar");
    // Browsers apply stale-while-revalidate to such fetches: the answer is not theirs to keep.
    expect(refresh.headers.get("cache-control")).toContain("no-store");
  });

  it("does not keep a render that set a cookie, and serves nothing from memory while it cannot hear other instances", async () => {
    setCookie = true;
    await get("/artikel/debatte");
    expect((await get("/artikel/debatte")).cache).toBe("BYPASS");
    setCookie = false;
    await get("/artikel/debatte");
    setListening(false);
    state = "Anderswo geändert";
    const page = await get("/artikel/debatte");
    expect(page.cache).toBe("MISS");
    expect(page.text).toContain("Anderswo geändert");
  });
});
