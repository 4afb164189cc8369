import { articlePath, sectionPath } from "./paths";

export interface StructuredArticle {
  slug: string;
  title: string;
  dek: string | null;
  seoDescription?: string | null;
  publishedAt: Date | null;
  updatedAt: Date;
  commentCount: number;
  leadImageUrl: string | null;
  author: { name: string | null };
  section: { name: string; slug: string } | null;
  tags: { name: string }[];
}

/**
 * schema.org NewsArticle for search engines (Google's article rich results read headline,
 * image, dates and author). URLs are absolute, as the format requires.
 */
export function newsArticleJsonLd(article: StructuredArticle, origin: string, publisher: string) {
  const url = new URL(articlePath(article.slug), origin).href;
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: article.title.slice(0, 110),
    description: article.seoDescription ?? article.dek ?? undefined,
    image: article.leadImageUrl ? [new URL(article.leadImageUrl, origin).href] : undefined,
    datePublished: article.publishedAt?.toISOString(),
    dateModified: article.updatedAt.toISOString(),
    author: [{ "@type": "Person", name: article.author.name ?? publisher }],
    publisher: { "@type": "Organization", name: publisher, url: origin },
    articleSection: article.section?.name,
    keywords: article.tags.length ? article.tags.map((tag) => tag.name).join(", ") : undefined,
    commentCount: article.commentCount,
    discussionUrl: `${url}#kommentare`,
    isAccessibleForFree: true,
    ...(article.section ? { isPartOf: { "@type": "CollectionPage", url: new URL(sectionPath(article.section.slug), origin).href } } : {}),
  };
}

/** JSON for a <script type="application/ld+json">: "<" escaped so that no text can close the script. */
export function jsonLdScript(data: object): string {
  return JSON.stringify(data).replace(/</g, "\\u003c");
}
