import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

import { purgeHttpCaches } from "@/lib/cache/http-purge";
import { broadcastExpiry } from "@/lib/cache/invalidate";
import { clearPageCache, isFresh, lookupPage, renderMark, storePage } from "@/lib/cache/page-store";
import { cachesTrusted } from "@/lib/cache/trust";
import type { Db } from "@/lib/db/client";
import { createLiveListener, type LiveListener } from "@/lib/live/listener";

import { freshDatabase } from "../helpers/db";

let db: Db;
let url: string;
let listener: LiveListener;

beforeAll(async () => {
  ({ db, url } = await freshDatabase());
  listener = createLiveListener(url);
});
afterAll(async () => {
  await listener.close();
});

async function until(check: () => boolean, ms = 2_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const page = (tags: string[]) => ({
  status: 200,
  headers: {},
  bodies: { identity: Buffer.from("x") },
  etag: '"x"',
  tags,
  freshUntil: Date.now() + 60_000,
});

describe("expiring pages on every instance", () => {
  it("an instance serves from its caches only while it listens, and starts afresh after its connection was lost", async () => {
    clearPageCache();
    await listener.ready();
    expect(cachesTrusted()).toBe(true);
    storePage("page", page(["article:a"]), renderMark());

    // The database ends the LISTEN connection (a restart, a network cut).
    await db.$executeRaw`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE query LIKE 'LISTEN%' AND pid <> pg_backend_pid()`;
    await until(() => !cachesTrusted());
    await until(() => cachesTrusted(), 5_000);
    // It cannot know what changed meanwhile: nothing cached before counts as fresh.
    expect(isFresh(lookupPage("page")!)).toBe(false);
  });

  it("a write on another instance expires this instance's pages carrying its tags within two seconds", async () => {
    clearPageCache();
    await listener.ready();
    storePage("a", page(["article:a", "articles"]), renderMark());
    storePage("b", page(["article:b", "articles"]), renderMark());
    const start = Date.now();
    await broadcastExpiry(db, ["article:a"], "another-instance");
    await until(() => !isFresh(lookupPage("a")!));
    expect(Date.now() - start).toBeLessThan(2_000);
    expect(isFresh(lookupPage("b")!)).toBe(true);
  });
});

describe("purging the HTTP caches in front", () => {
  it("sends the tags to every endpoint, and retries one that is down without failing the write", async () => {
    const seen: { method?: string; tags?: string }[] = [];
    let failures = 2;
    const server = createServer((req, res) => {
      seen.push({ method: req.method, tags: req.headers["xkey-purge"] as string | undefined });
      res.statusCode = failures-- > 0 ? 503 : 200;
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      const endpoint = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
      await expect(purgeHttpCaches(["article:a", "articles"], [endpoint])).resolves.toBeUndefined();
      expect(seen).toEqual([
        { method: "PURGE", tags: "article:a articles" },
        { method: "PURGE", tags: "article:a articles" },
        { method: "PURGE", tags: "article:a articles" },
      ]);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("went through on attempt 3"));
    } finally {
      warn.mockRestore();
      server.close();
    }
  });

  it("gives up on an endpoint that never answers, logging it, and still resolves", async () => {
    const error = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    vi.useFakeTimers({ toFake: ["setTimeout"] });
    try {
      const done = purgeHttpCaches(["articles"], ["http://127.0.0.1:1/"]);
      for (let i = 0; i < 6; i++) await vi.advanceTimersByTimeAsync(10_000);
      await expect(done).resolves.toBeUndefined();
      expect(error).toHaveBeenCalledWith(expect.stringContaining("failed for good"), expect.anything());
    } finally {
      vi.useRealTimers();
      error.mockRestore();
      warn.mockRestore();
    }
  });
});
