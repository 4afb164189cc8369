import type { SiteSettings } from "@/lib/settings/site";

export interface CacheTimes {
  sharedMaxAge: number;
  staleWhileRevalidate: number;
  staleIfError: number;
}

export function cacheTimesFrom(
  settings: Pick<SiteSettings, "cacheSharedMaxAgeSeconds" | "cacheStaleWhileRevalidateSeconds" | "cacheStaleIfErrorSeconds">,
): CacheTimes {
  return {
    sharedMaxAge: settings.cacheSharedMaxAgeSeconds,
    staleWhileRevalidate: settings.cacheStaleWhileRevalidateSeconds,
    staleIfError: settings.cacheStaleIfErrorSeconds,
  };
}

/**
 * The headers of a page as every signed-out reader gets it. Browsers keep nothing (max-age=0:
 * a reader who comments wants to see the page change); shared caches keep it for s-maxage and
 * are purged sooner by its surrogate keys: `xkey` for Varnish's xkey module, `Surrogate-Key`
 * for CDNs that read that name. It varies by the cookies the page reads (language, sort order)
 * and by encoding; a cache in front strips all other cookies before it looks (deploy/varnish.vcl).
 */
export function publicCacheHeaders(times: CacheTimes, tags: string[]): Record<string, string> {
  return {
    "cache-control": `public, max-age=0, s-maxage=${times.sharedMaxAge}, stale-while-revalidate=${times.staleWhileRevalidate}, stale-if-error=${times.staleIfError}`,
    vary: "Accept-Encoding, Cookie",
    xkey: tags.join(" "),
    "surrogate-key": tags.join(" "),
  };
}
