/** The public URL of an article: stable and readable, built from its slug. */
export function articlePath(slug: string): string {
  return `/artikel/${encodeURIComponent(slug)}`;
}

export const sectionPath = (slug: string) => `/rubrik/${encodeURIComponent(slug)}`;
export const tagPath = (slug: string) => `/thema/${encodeURIComponent(slug)}`;
export const searchPath = (query: string) => `/suche?q=${encodeURIComponent(query)}`;

/** Feeds, as WordPress offers them: all articles, per section, and the comments of one article. */
export const FEED_PATHS = { rss: "/feed.xml", atom: "/atom.xml" } as const;
export const sectionFeedPath = (slug: string) => `${sectionPath(slug)}/feed.xml`;
export const commentsFeedPath = (slug: string) => `${articlePath(slug)}/kommentare/feed.xml`;
