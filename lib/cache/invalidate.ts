import { db as appDb, type Db } from "@/lib/db/client";
import { expirePageTags } from "@/lib/pagecache/store";
import { expireTag } from "./cached";
import { purgeHttpCaches } from "./http-purge";
import { CACHE_CHANNEL, CACHE_TAGS } from "./tags";

/**
 * The one way a write expires what readers see: the data cache and page cache of this instance
 * at once, every other instance on the database through PostgreSQL NOTIFY (heard by
 * lib/live/listener.ts), and the HTTP caches in front (lib/cache/http-purge.ts). Never fails the
 * write: a failed broadcast or purge is logged, and s-maxage bounds the damage.
 */
export function expireLocally(tags: string[]) {
  for (const tag of tags) expireTag(tag);
  expirePageTags(tags);
}

/** Tells the other instances; exported for tests, which pass their own database. */
export async function broadcastExpiry(database: Db, tags: string[]): Promise<void> {
  try {
    await database.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ tags })})`;
  } catch (error) {
    console.error(`Telling other instances that ${tags.join(" ")} changed failed:`, error);
  }
}

export function parseExpiry(payload: string | undefined): string[] | null {
  try {
    const value: unknown = JSON.parse(payload ?? "");
    const tags = (value as { tags?: unknown } | null)?.tags;
    return Array.isArray(tags) && tags.every((tag) => typeof tag === "string") ? tags : null;
  } catch {
    return null;
  }
}

/** Pending broadcasts and purges, for callers (and tests) that want to wait for them. */
const pending = new Set<Promise<void>>();

export function expireEverywhere(tags: string[]): Promise<void> {
  expireLocally(tags);
  // Only a running server has other instances and caches in front; tests and scripts expire in-process.
  if (!process.env.NEXT_RUNTIME && !process.env.AGORA_FRONT_SERVER) return Promise.resolve();
  const done = Promise.all([broadcastExpiry(appDb(), tags), purgeHttpCaches(tags)]).then(() => undefined);
  pending.add(done);
  void done.finally(() => pending.delete(done));
  return done;
}

/** Waits until every expiry sent so far has been broadcast and purged (or given up). */
export const expiriesSettled = () => Promise.all(pending).then(() => undefined);

/** A comment, a like, a moderation decision or the article's own fields changed. */
export function articleChanged(articleSlug: string | null | undefined) {
  if (articleSlug) void expireEverywhere([CACHE_TAGS.article(articleSlug)]);
}

/** Something shown on many articles changed: an article list entry, an author's name or role, decisions across articles. */
export function publicContentChanged() {
  void expireEverywhere([CACHE_TAGS.articles]);
}

export function settingsChanged() {
  void expireEverywhere([CACHE_TAGS.settings, CACHE_TAGS.articles]);
}

export function sectionsChanged() {
  void expireEverywhere([CACHE_TAGS.sections, CACHE_TAGS.articles]);
}
