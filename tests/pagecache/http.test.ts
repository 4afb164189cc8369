import { describe, expect, it } from "vitest";

import { cacheTimesFrom, publicCacheHeaders } from "@/lib/pagecache/http";
import { cacheTimesFromRows } from "@/lib/settings/cache-times";

describe("the cache headers of a signed-out page", () => {
  it("follow the site's cache settings, with sensible defaults and an invalid value falling back alone", () => {
    expect(cacheTimesFrom(cacheTimesFromRows([]))).toEqual({ sharedMaxAge: 300, staleWhileRevalidate: 60, staleIfError: 86_400 });
    const times = cacheTimesFrom(
      cacheTimesFromRows([
        { key: "cacheSharedMaxAgeSeconds", value: 30 },
        { key: "cacheStaleIfErrorSeconds", value: "viel" },
      ]),
    );
    expect(times).toEqual({ sharedMaxAge: 30, staleWhileRevalidate: 60, staleIfError: 86_400 });
    expect(publicCacheHeaders(times, [])["cache-control"]).toBe(
      "public, max-age=0, s-maxage=30, stale-while-revalidate=60, stale-if-error=86400",
    );
  });

  it("name the page's tags as surrogate keys and vary only by encoding and cookies", () => {
    const headers = publicCacheHeaders({ sharedMaxAge: 300, staleWhileRevalidate: 60, staleIfError: 86_400 }, [
      "article:a",
      "articles",
      "settings",
    ]);
    expect(headers.xkey).toBe("article:a articles settings");
    expect(headers["surrogate-key"]).toBe("article:a articles settings");
    expect(headers.vary).toBe("Accept-Encoding, Cookie");
    expect(Object.keys(headers)).not.toContain("set-cookie");
  });
});
