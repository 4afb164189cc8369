import { expireDiscussions } from "@/lib/cache/invalidate";
import type { Db } from "@/lib/db/client";
import type { LiveEvent } from "@/lib/live/events";
import { publishLiveEvent } from "@/lib/live/notify";

/** A change to one article's discussion, as open pages hear of it; with the article's slug when readers' copies show it. */
export type DiscussionChange = LiveEvent & { articleSlug?: string };

/**
 * What a change to discussions sets off once its write has committed, in one call from the command
 * that wrote it (never from app/): readers' copies of the articles expire here at once, on the other
 * instances and in the HTTP caches (once per article, however many changes), and the open pages of
 * each article hear of their change. A change without a slug reaches the open pages only.
 */
export async function discussionChanged(db: Db, ...changes: DiscussionChange[]): Promise<void> {
  // The broadcast and the purge go on in the background; the expiry here has happened when this returns.
  void expireDiscussions(db, ...changes.map((change) => change.articleSlug));
  for (const { articleSlug, ...event } of changes) await publishLiveEvent(db, event, articleSlug);
}
