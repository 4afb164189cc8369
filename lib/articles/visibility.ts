import type { ArticleStatus, Prisma } from "@/lib/db/client";

/**
 * What readers may see: published articles, and scheduled ones whose time has come.
 * The second half makes a scheduled article public at its time even when the
 * scheduler that flips its status has not run yet (for example right after a restart).
 */
export function publicArticleWhere(now: Date = new Date()): Prisma.ArticleWhereInput {
  return { status: { in: ["PUBLISHED", "SCHEDULED"] }, publishedAt: { lte: now } };
}

/** The same rule for one article already loaded. */
export function isPublicArticle(article: { status: ArticleStatus; publishedAt: Date | null }, now: Date = new Date()): boolean {
  return article.status !== "DRAFT" && !!article.publishedAt && article.publishedAt <= now;
}

/** The same rule in SQL, for raw queries (search); `a` is the article table's alias. */
export const PUBLIC_ARTICLE_SQL = `a."status" IN ('PUBLISHED', 'SCHEDULED') AND a."publishedAt" <= now()`;
