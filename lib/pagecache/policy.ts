import { COMMENT_PARAMS, COMMENT_SORT_COOKIE } from "@/lib/comments/paths";
import { LOCALE_COOKIE } from "@/lib/i18n/config";

/**
 * Which requests get a page from the page cache, and under which key: the public pages and feeds
 * as a signed-out reader sees them. Everything that can make the page differ is in the key (host,
 * path, the query parameters the page reads, the language and sort cookies) or sends the request
 * past the cache (a session, a form opened by the URL).
 */
const CACHEABLE_PATHS = [
  /^\/$/,
  /^\/artikel\/[^/]+$/,
  /^\/artikel\/[^/]+\/kommentare\/feed\.xml$/,
  /^\/rubrik\/[^/]+$/,
  /^\/rubrik\/[^/]+\/feed\.xml$/,
  /^\/thema\/[^/]+$/,
  /^\/(feed\.xml|atom\.xml)$/,
];

/** Query parameters that only choose what a shared page shows; anything else is rendered per request. */
const SHARED_PARAMS = new Set(["seite", "format", COMMENT_PARAMS.focus, COMMENT_PARAMS.count, COMMENT_PARAMS.from, COMMENT_PARAMS.thread]);

/** The cookies a signed-out page reads; every other cookie is ignored by the cache and stripped from the render. */
export const VARYING_COOKIES = [LOCALE_COOKIE, COMMENT_SORT_COOKIE] as const;

/** Auth.js's session cookie (secure-prefixed behind HTTPS, chunked when large). */
const SESSION_COOKIE = /^(__Secure-)?authjs\.session-token(\.\d+)?$/;

export interface CacheableRequest {
  method: string;
  url: string;
  host: string;
  cookies: Record<string, string>;
  /** A client-side navigation, refresh or prefetch of Next.js (the `RSC` header). */
  rsc: boolean;
}

/**
 * The headers of a client-side navigation that shape its answer. Next.js hashes them into the
 * `_rsc` query parameter (and refuses a request whose parameter does not match), so the URL
 * alone tells one such answer from another; the shared render passes them on.
 */
export const RSC_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-url"] as const;
const RSC_PARAM = "_rsc";

export function parseCookies(header: string | undefined): Record<string, string> {
  const cookies: Record<string, string> = {};
  for (const part of (header ?? "").split(";")) {
    const at = part.indexOf("=");
    if (at < 1) continue;
    const name = part.slice(0, at).trim();
    if (name && !(name in cookies)) cookies[name] = part.slice(at + 1).trim();
  }
  return cookies;
}

/** The cache key of a request, or null when it must be rendered for this reader. */
export function pageCacheKey(request: CacheableRequest): string | null {
  if (request.method !== "GET" && request.method !== "HEAD") return null;
  const url = new URL(request.url, "http://agora.invalid");
  // A refresh or navigation of a signed-out reader (a live update refreshes every open page) is as shareable as the page.
  if (request.rsc !== url.searchParams.has(RSC_PARAM)) return null;
  if (!CACHEABLE_PATHS.some((path) => path.test(url.pathname))) return null;
  for (const name of Object.keys(request.cookies)) {
    if (SESSION_COOKIE.test(name)) return null;
  }
  const params = [...url.searchParams.entries()];
  if (params.some(([name]) => !SHARED_PARAMS.has(name) && name !== RSC_PARAM)) return null;
  params.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(params).toString();
  const variant = VARYING_COOKIES.map((name) => request.cookies[name] ?? "").join("|");
  return `${request.rsc ? "rsc:" : ""}${request.host.toLowerCase()}${url.pathname}${query ? `?${query}` : ""}#${variant}`;
}

/** The Cookie header of the shared render: only what the signed-out page reads. */
export function sharedCookieHeader(cookies: Record<string, string>): string {
  return VARYING_COOKIES.filter((name) => cookies[name] !== undefined)
    .map((name) => `${name}=${cookies[name]}`)
    .join("; ");
}
