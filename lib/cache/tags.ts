/**
 * Cache tags of what the public pages read. Kept coarse on purpose: articles change rarely,
 * and one article's comments change without touching the others'.
 */
export const CACHE_TAGS = {
  settings: "settings",
  sections: "sections",
  /** Every article and every discussion: an article, a section name or an author's name changed. */
  articles: "articles",
  /** One article and its discussion: a comment, a like, a moderation decision, commentsOpen. */
  article: (articleSlug: string) => `article:${articleSlug}`,
} as const;

/** The PostgreSQL NOTIFY channel on which instances tell each other which tags expired. */
export const CACHE_CHANNEL = "agora_cache";

/**
 * Set for a few seconds by a page refreshing itself on a live event: that event can reach the
 * browser before the write has expired the cache, so such a render reads the database itself.
 */
export const FRESH_READ_COOKIE = "agora-fresh";
