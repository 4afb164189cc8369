import type { Db } from "@/lib/db/client";

import { expireTag } from "./cached";
import { purgeHttpCaches } from "./http-purge";
import { INSTANCE_ID } from "./instance";
import { expirePageTags } from "./page-store";
import { CACHE_CHANNEL, CACHE_TAGS } from "./tags";

/**
 * The one way a write expires what readers see: the data cache and page cache of this instance
 * at once, every other instance on the database through PostgreSQL NOTIFY (heard by
 * lib/live/listener.ts), and the HTTP caches in front (lib/cache/http-purge.ts). Never fails the
 * write: a failed broadcast or purge is logged, and s-maxage bounds the damage.
 *
 * The commands in lib/ that write call it themselves, after their transaction (see the helpers
 * at the end), so no server action, route or script has to remember it.
 */

/** This instance's caches only; also what the listener does when another instance wrote. */
export function expireLocally(tags: string[]) {
  for (const tag of tags) expireTag(tag);
  expirePageTags(tags);
}

/** Tells the other instances; exported for tests, which pass their own database and may speak as another instance. */
export async function broadcastExpiry(database: Db, tags: string[], from = INSTANCE_ID): Promise<void> {
  try {
    await database.$executeRaw`SELECT pg_notify(${CACHE_CHANNEL}, ${JSON.stringify({ tags, from })})`;
  } catch (error) {
    console.error(`Telling other instances that ${tags.join(" ")} changed failed:`, error);
  }
}

export function parseExpiry(payload: string | undefined): { tags: string[]; from?: string } | null {
  try {
    const value: unknown = JSON.parse(payload ?? "");
    const { tags, from } = (value ?? {}) as { tags?: unknown; from?: unknown };
    if (!Array.isArray(tags) || !tags.every((tag) => typeof tag === "string")) return null;
    return { tags, ...(typeof from === "string" ? { from } : {}) };
  } catch {
    return null;
  }
}

/** Pending broadcasts and purges, for callers (and tests) that want to wait for them. */
const pending = new Set<Promise<void>>();

/** What expiring needs from the write: its database, so the broadcast goes where the write went. */
export interface WriteContext {
  db: Db;
}

/**
 * Expires `tags` here at once, then tells the other instances and the HTTP caches in the
 * background. Call it after the write has committed (a reader re-rendering earlier would cache
 * the old state again).
 */
export function expireEverywhere(tags: string[], { db }: WriteContext): Promise<void> {
  if (tags.length === 0) return Promise.resolve();
  expireLocally(tags);
  // Only a running server has other instances and caches in front; tests and scripts expire in-process.
  if (!process.env.NEXT_RUNTIME && !process.env.AGORA_FRONT_SERVER) return Promise.resolve();
  const done = Promise.all([broadcastExpiry(db, tags), purgeHttpCaches(tags)]).then(() => undefined);
  pending.add(done);
  void done.finally(() => pending.delete(done));
  return done;
}

/** Waits until every expiry sent so far has been broadcast and purged (or given up). */
export const expiriesSettled = () => Promise.all(pending).then(() => undefined);

const articleTags = (slugs: Array<string | null | undefined>) =>
  [...new Set(slugs.filter((slug): slug is string => !!slug))].map(CACHE_TAGS.article);

/**
 * Comments under these articles changed (posted, edited, deleted, liked, decided), or whether they are
 * open: their pages and the lists showing them. Comment commands call it through
 * lib/comments/changed.ts, which tells the open pages too.
 */
export function expireDiscussions(db: Db, ...articleSlugs: Array<string | null | undefined>): Promise<void> {
  return expireEverywhere(articleTags(articleSlugs), { db });
}

/**
 * Articles themselves changed (fields, status, slug, existence), or something shown under every
 * article (an author's name or role): every page, naming the articles' own slugs, old and new.
 */
export function articlesChanged(db: Db, ...articleSlugs: Array<string | null | undefined>): Promise<void> {
  return expireEverywhere([CACHE_TAGS.articles, ...articleTags(articleSlugs)], { db });
}

export function settingsChanged(db: Db): Promise<void> {
  return expireEverywhere([CACHE_TAGS.settings, CACHE_TAGS.articles], { db });
}

export function sectionsChanged(db: Db): Promise<void> {
  return expireEverywhere([CACHE_TAGS.sections, CACHE_TAGS.articles], { db });
}
