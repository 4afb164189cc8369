import { Feed } from "feed";

import { articlePath, commentsFeedPath } from "@/lib/articles/paths";
import { commentPermalink } from "@/lib/comments/paths";
import { renderArticleMarkdown, renderCommentMarkdown } from "@/lib/markdown/render";

export interface FeedSite {
  origin: string;
  siteName: string;
  description: string;
  language: string;
}

export interface FeedArticle {
  slug: string;
  title: string;
  dek: string | null;
  excerpt: string;
  body: string;
  publishedAt: Date | null;
  updatedAt: Date;
  leadImageUrl: string | null;
  author: { name: string | null };
  section: { name: string } | null;
  tags: { name: string }[];
}

export interface FeedComment {
  id: string;
  body: string;
  createdAt: Date;
  authorName: string;
}

/** Feed readers open the content outside the site: site-relative links and images become absolute. */
function absolutise(html: string, origin: string): string {
  return html.replace(/(href|src)="(\/[^/"][^"]*)"/g, (_, attribute: string, path: string) => `${attribute}="${origin}${path}"`);
}

/** The articles of the site (or a section) as RSS 2.0 and Atom, with full content as WordPress sends it. */
export function articleFeed(
  site: FeedSite,
  articles: FeedArticle[],
  { title, selfPath, atomPath, link }: { title: string; selfPath: string; atomPath: string; link: string },
) {
  const feed = new Feed({
    id: new URL(link, site.origin).href,
    title,
    description: site.description,
    link: new URL(link, site.origin).href,
    language: site.language,
    updated: articles[0]?.updatedAt ?? new Date(0),
    generator: "Agora",
    copyright: site.siteName,
    feedLinks: { rss: new URL(selfPath, site.origin).href, atom: new URL(atomPath, site.origin).href },
  });
  for (const article of articles) {
    const url = new URL(articlePath(article.slug), site.origin).href;
    feed.addItem({
      title: article.title,
      id: url,
      link: url,
      // RSS readers sort by pubDate, which the library takes from `date`: the publication time.
      date: article.publishedAt ?? article.updatedAt,
      published: article.publishedAt ?? article.updatedAt,
      description: article.dek ?? article.excerpt,
      content: absolutise(renderArticleMarkdown(article.body), site.origin),
      author: article.author.name ? [{ name: article.author.name }] : undefined,
      category: [...(article.section ? [{ name: article.section.name }] : []), ...article.tags.map((tag) => ({ name: tag.name }))],
      image: article.leadImageUrl ? new URL(article.leadImageUrl, site.origin).href : undefined,
    });
  }
  return feed;
}

/** The approved comments of one article, newest first: WordPress's per-post comments feed. */
export function commentsFeed(site: FeedSite, article: { slug: string; title: string }, comments: FeedComment[], title: string) {
  const link = new URL(articlePath(article.slug), site.origin).href;
  const self = new URL(commentsFeedPath(article.slug), site.origin).href;
  const feed = new Feed({
    id: self,
    title,
    description: article.title,
    link,
    language: site.language,
    updated: comments[0]?.createdAt ?? new Date(0),
    generator: "Agora",
    copyright: site.siteName,
    feedLinks: { rss: self },
  });
  for (const comment of comments) {
    const url = new URL(commentPermalink(article.slug, comment.id), site.origin).href;
    feed.addItem({
      title: `${comment.authorName}: ${article.title}`,
      id: url,
      link: url,
      date: comment.createdAt,
      content: absolutise(renderCommentMarkdown(comment.body), site.origin),
      author: [{ name: comment.authorName }],
    });
  }
  return feed;
}

/** An XML response for a feed; readers poll, so a few minutes of caching saves the database. */
export function xmlResponse(xml: string, type: string): Response {
  return new Response(xml, { headers: { "Content-Type": `${type}; charset=utf-8`, "Cache-Control": "public, max-age=300" } });
}
