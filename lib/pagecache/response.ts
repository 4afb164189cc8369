import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { promisify } from "node:util";
import { brotliCompress, gzip, constants as zlib } from "node:zlib";

import type { CachedPage } from "@/lib/cache/page-store";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { hashedContentSecurityPolicy, oauthFormTargets, securityHeaders } from "@/lib/http/security-headers";

import { inlineScriptHashes } from "./csp";
import { publicCacheHeaders, type CacheTimes } from "./http";

/** The page cache's answers: a render made into a page to keep, and a kept page or a render sent to a reader. */

const gzipAsync = promisify(gzip);
const brotliAsync = promisify(brotliCompress);

const KEPT_HEADERS = [
  "content-type",
  "location",
  "content-language",
  "link",
  "x-nextjs-postponed",
  "x-nextjs-stale-time",
  "x-nextjs-prerender",
];

/** One render for the page cache: the page to keep, if it may be kept, and the response as it came. */
export interface Rendered {
  page: Omit<CachedPage, "size" | "storedAt"> | null;
  /** The response as rendered, for a reader whose page could not be kept (a Set-Cookie, a 500). */
  status: number;
  headers: Headers;
  body: Buffer;
}

/** The page to keep from a render: its tags, a hash-based CSP, public cache headers, and the body in each encoding. */
export async function pageFrom(
  response: Response,
  body: Buffer,
  tags: string[],
  times: CacheTimes,
): Promise<Omit<CachedPage, "size" | "storedAt">> {
  const headers: Record<string, string> = {};
  for (const name of KEPT_HEADERS) {
    const value = response.headers.get(name);
    if (value !== null) headers[name] = value;
  }
  // A page that read nothing tagged (an error page, a redirect) still changes with the articles.
  const pageTags = tags.length > 0 ? [...new Set(tags)].sort() : [CACHE_TAGS.articles, CACHE_TAGS.settings, CACHE_TAGS.sections];
  const html = (headers["content-type"] ?? "").startsWith("text/html");
  const csp = hashedContentSecurityPolicy(html ? inlineScriptHashes(body.toString("utf8")) : [], { formTargets: oauthFormTargets() });
  Object.assign(
    headers,
    securityHeaders(csp, process.env.NODE_ENV === "production"),
    isNavigation(headers) ? NAVIGATION_HEADERS : publicCacheHeaders(times, pageTags),
  );
  const [gzipped, brotli] = await Promise.all([
    gzipAsync(body, { level: 6 }),
    brotliAsync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length } }),
  ]);
  return {
    status: response.status,
    headers,
    bodies: { identity: body, gzip: gzipped, br: brotli },
    etag: `"${createHash("sha1").update(body).digest("base64url")}"`,
    tags: pageTags,
    freshUntil: Date.now() + times.sharedMaxAge * 1000,
  };
}

/**
 * A client-side navigation or live refresh is answered from this server's cache only: browsers
 * apply stale-while-revalidate to such fetches and would show a reader the old discussion once
 * more after a live update, and caches in front do not tell them apart from the page. As Next.js
 * answers them itself.
 */
const NAVIGATION_HEADERS = {
  "cache-control": "private, no-cache, no-store, max-age=0, must-revalidate",
  vary: "rsc, next-router-state-tree, next-router-prefetch, next-router-segment-prefetch, Accept-Encoding",
};

const isNavigation = (headers: Record<string, string>) => (headers["content-type"] ?? "").startsWith("text/x-component");

/** The best encoding the reader takes: Brotli, gzip, or none. */
function encodingFor(acceptEncoding: string | undefined): "br" | "gzip" | "identity" {
  const accepted = (acceptEncoding ?? "").toLowerCase();
  if (/\bbr\b/.test(accepted)) return "br";
  if (/\bgzip\b/.test(accepted)) return "gzip";
  return "identity";
}

/** Answers a reader with a kept page, in the best encoding they take (304 when they have it). */
export function send(req: IncomingMessage, res: ServerResponse, page: CachedPage, outcome: "HIT" | "MISS" | "STALE") {
  const encoding = encodingFor(req.headers["accept-encoding"]);
  const body = page.bodies[encoding] ?? page.bodies.identity!;
  const headers: Record<string, string> = {
    ...page.headers,
    etag: page.etag,
    age: String(Math.max(0, Math.floor((Date.now() - page.storedAt) / 1000))),
    "x-agora-cache": outcome,
  };
  if (encoding !== "identity" && page.bodies[encoding]) headers["content-encoding"] = encoding;
  // An old copy is for this reader only: a cache in front that kept it would hold it past the purge.
  if (outcome === "STALE" && !isNavigation(page.headers)) headers["cache-control"] = "public, max-age=0, s-maxage=0";
  if (req.headers["if-none-match"] === page.etag) {
    res.writeHead(304, headers);
    return res.end();
  }
  headers["content-length"] = String(body.length);
  res.writeHead(page.status, headers);
  res.end(req.method === "HEAD" ? undefined : body);
}

/** A render that could not be kept, answered as it came (and as private as Next.js made it). */
export function passOn(res: ServerResponse, rendered: Rendered) {
  const headers: Record<string, string | string[]> = {};
  rendered.headers.forEach((value, name) => {
    if (["content-encoding", "content-length", "transfer-encoding", "connection", "keep-alive"].includes(name)) return;
    headers[name] = value;
  });
  const cookies = rendered.headers.getSetCookie();
  if (cookies.length > 0) headers["set-cookie"] = cookies;
  headers["x-agora-cache"] = "BYPASS";
  res.writeHead(rendered.status, headers);
  res.end(rendered.body);
}
