/**
 * Whole pages as signed-out readers get them, kept in this process's memory: status, headers
 * and the body in each encoding, computed once per render. Expired by the same tags as the data
 * cache (lib/cache/tags.ts), from this instance, from other instances (NOTIFY) and by age.
 *
 * The store sits on globalThis because two copies of this module live in one process: the one
 * the front server loads (scripts/server.ts) and the one bundled into Next.js's server code,
 * whose writes expire pages. It lives here beside the data cache, which every write expires with
 * it (invalidate.ts); the front in lib/pagecache answers readers from it.
 */
export interface CachedPage {
  status: number;
  headers: Record<string, string>;
  /** The body by content encoding: "identity", "gzip", "br". */
  bodies: Record<string, Buffer>;
  etag: string;
  tags: string[];
  storedAt: number;
  /** Served without rendering until then; after it, only when a new render fails. */
  freshUntil: number;
  /** When a write expired it (0: everything was thrown out of freshness; unset: it only aged). */
  expiredAt?: number;
  size: number;
}

interface Store {
  pages: Map<string, CachedPage>;
  bytes: number;
  /** When each tag was last expired (a counter, not a time: two purges in one millisecond still differ). */
  expiredAt: Map<string, number>;
  clock: number;
  /** When everything was last expired: a lost LISTEN connection came back. */
  allExpiredAt: number;
}

const MAX_BYTES = Number(process.env.AGORA_PAGE_CACHE_MB ?? 64) * 1024 * 1024;

const store: Store = ((globalThis as unknown as { agoraPageCache?: Store }).agoraPageCache ??= {
  pages: new Map(),
  bytes: 0,
  expiredAt: new Map(),
  clock: 0,
  allExpiredAt: 0,
});

/** A mark to take before rendering: a page rendered from it is stored only if none of its tags expired meanwhile. */
export function renderMark(): number {
  return store.clock;
}

function expiredSince(tags: string[], mark: number): boolean {
  if (store.allExpiredAt > mark) return true;
  return tags.some((tag) => (store.expiredAt.get(tag) ?? -1) > mark);
}

/** The page under `key`, fresh or not; null when there is none or it was expired by a tag. */
export function lookupPage(key: string): CachedPage | null {
  const page = store.pages.get(key);
  if (!page) return null;
  // Least recently used first in the Map's order.
  store.pages.delete(key);
  store.pages.set(key, page);
  return page;
}

/**
 * Keeps a rendered page unless one of its tags was expired after `mark` (the render may have
 * read what changed) – then the next reader renders again.
 */
export function storePage(key: string, page: Omit<CachedPage, "size" | "storedAt">, mark: number): boolean {
  if (expiredSince(page.tags, mark)) return false;
  const size = Object.values(page.bodies).reduce((sum, body) => sum + body.length, 0) + 512;
  if (size > MAX_BYTES / 4) return false;
  removePage(key);
  store.pages.set(key, { ...page, size, storedAt: Date.now() });
  store.bytes += size;
  for (const [oldest, { size: oldSize }] of store.pages) {
    if (store.bytes <= MAX_BYTES) break;
    store.pages.delete(oldest);
    store.bytes -= oldSize;
  }
  return true;
}

function removePage(key: string) {
  const old = store.pages.get(key);
  if (!old) return;
  store.pages.delete(key);
  store.bytes -= old.size;
}

/**
 * Pages carrying any of the tags are no longer fresh. They stay as stale copies: served only when
 * rendering anew fails (the database is down), as the data cache does, and, after a change to a
 * discussion alone (the tags of single articles: a comment, a like, a decision), for a moment while
 * the new page renders (lib/pagecache/front.ts). A change to articles themselves, sections or
 * settings (a new slug, an unpublished article) leaves no such moment.
 */
export function expirePageTags(tags: string[]) {
  store.clock += 1;
  for (const tag of tags) store.expiredAt.set(tag, store.clock);
  const wanted = new Set(tags);
  const now = Date.now();
  const discussionOnly = tags.every((tag) => tag.startsWith("article:"));
  for (const page of store.pages.values()) {
    if (!page.tags.some((tag) => wanted.has(tag))) continue;
    if (!discussionOnly) page.expiredAt = 0;
    else if (page.freshUntil > now) page.expiredAt = now;
    page.freshUntil = 0;
  }
}

/** Every page is stale: this instance may have missed purges (its LISTEN connection was lost). */
export function expireAllPages() {
  store.clock += 1;
  store.allExpiredAt = store.clock;
  for (const page of store.pages.values()) {
    page.freshUntil = 0;
    page.expiredAt = 0;
  }
}

export function isFresh(page: CachedPage, now = Date.now()): boolean {
  return now < page.freshUntil;
}

/** How long ago the page stopped being fresh; Infinity when nothing can be known of its age. */
export function staleFor(page: CachedPage, now = Date.now()): number {
  const since = page.expiredAt ?? page.freshUntil;
  return since === 0 ? Infinity : now - since;
}

/** For tests and the benchmark: how many pages and bytes are held. */
export function pageCacheStats() {
  return { pages: store.pages.size, bytes: store.bytes };
}

export function clearPageCache() {
  store.pages.clear();
  store.bytes = 0;
}
