import { cache } from "react";
import { db } from "@/lib/db/client";
import { excerptOf } from "./excerpt";

const listSelect = {
  id: true,
  slug: true,
  title: true,
  dek: true,
  publishedAt: true,
  commentCount: true,
  author: { select: { name: true } },
  section: { select: { name: true, slug: true } },
} as const;

/** Published articles, newest first: for the home page and lists. */
export async function listPublishedArticles({ take = 20, skip = 0 }: { take?: number; skip?: number } = {}) {
  const articles = await db().article.findMany({
    where: { status: "PUBLISHED", publishedAt: { lte: new Date() } },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take,
    skip,
    select: { ...listSelect, body: true },
  });
  return articles.map(({ body, ...article }) => ({ ...article, excerpt: article.dek ?? excerptOf(body) }));
}

export type ArticleSummary = Awaited<ReturnType<typeof listPublishedArticles>>[number];

/** A published article by its slug, or null (drafts and scheduled articles are not public). */
export const getPublishedArticle = cache(async (slug: string) => {
  return db().article.findFirst({
    where: { slug, status: "PUBLISHED", publishedAt: { lte: new Date() } },
    select: {
      ...listSelect,
      body: true,
      commentsOpen: true,
      seoTitle: true,
      seoDescription: true,
      updatedAt: true,
    },
  });
});

export type PublishedArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;
