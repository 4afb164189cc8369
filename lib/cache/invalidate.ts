import { revalidateTag } from "next/cache";
import { CACHE_TAGS } from "./tags";

// Expired at once rather than served stale: a reader who posts, and an editor who decides,
// expect the next page to show it.
const NOW = { expire: 0 } as const;

function expire(tag: string) {
  // Outside a server action or route handler (tests, scripts, timers) there is no cache to expire.
  if (!process.env.NEXT_RUNTIME) return;
  revalidateTag(tag, NOW);
}

/** A comment, a like, a moderation decision or the article's own fields changed. */
export function articleChanged(articleId: string | null | undefined) {
  if (articleId) expire(CACHE_TAGS.article(articleId));
}

/** Something shown on many articles changed: an article list entry, an author's name or role, decisions across articles. */
export function publicContentChanged() {
  expire(CACHE_TAGS.articles);
}

export function settingsChanged() {
  expire(CACHE_TAGS.settings);
  expire(CACHE_TAGS.articles);
}

export function sectionsChanged() {
  expire(CACHE_TAGS.sections);
  expire(CACHE_TAGS.articles);
}
