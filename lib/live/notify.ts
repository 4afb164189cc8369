import { INSTANCE_ID } from "@/lib/cache/instance";
import { expireLocally } from "@/lib/cache/invalidate";
import { CACHE_TAGS } from "@/lib/cache/tags";
import type { Db } from "@/lib/db/client";

import { LIVE_CHANNEL, type LiveEvent, type LiveMessage } from "./events";

/**
 * Tells every app instance on this database about a change, through PostgreSQL NOTIFY.
 * Call it after the change is committed. A notification that fails must not fail the
 * reader's action: the comment is saved, and pages catch up on their next load. With the
 * article's slug, each instance expires its copies of the article before its open pages refresh.
 */
export async function publishLiveEvent(db: Db, event: LiveEvent, articleSlug?: string): Promise<void> {
  const expire = articleSlug ? [CACHE_TAGS.article(articleSlug)] : undefined;
  // This instance hears its own event too, but acts on its expiry here, before anyone can hear of it.
  if (expire) expireLocally(expire);
  const message: LiveMessage = { ...event, ...(expire ? { expire } : {}), from: INSTANCE_ID };
  try {
    await db.$executeRaw`SELECT pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`;
  } catch (error) {
    console.error("Publishing a live update failed:", error);
  }
}
