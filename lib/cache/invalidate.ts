import { expireTag } from "./cached";
import { CACHE_TAGS } from "./tags";

/** A comment, a like, a moderation decision or the article's own fields changed. */
export function articleChanged(articleSlug: string | null | undefined) {
  if (articleSlug) expireTag(CACHE_TAGS.article(articleSlug));
}

/** Something shown on many articles changed: an article list entry, an author's name or role, decisions across articles. */
export function publicContentChanged() {
  expireTag(CACHE_TAGS.articles);
}

export function settingsChanged() {
  expireTag(CACHE_TAGS.settings);
  expireTag(CACHE_TAGS.articles);
}

export function sectionsChanged() {
  expireTag(CACHE_TAGS.sections);
  expireTag(CACHE_TAGS.articles);
}
