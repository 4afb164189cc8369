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
