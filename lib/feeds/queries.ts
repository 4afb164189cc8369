import { excerptOf } from "@/lib/articles/excerpt";
import { publicArticleWhere } from "@/lib/articles/visibility";
import { notePageTags } from "@/lib/cache/render-tags";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { db as appDb, type Db } from "@/lib/db/client";

import type { FeedArticle, FeedComment } from "./build";

export const FEED_SIZE = 30;

/** The newest public articles for a feed, optionally of one section. */
export async function feedArticles({ db = appDb(), sectionSlug }: { db?: Db; sectionSlug?: string } = {}): Promise<FeedArticle[]> {
  const articles = await db.article.findMany({
    where: { ...publicArticleWhere(), ...(sectionSlug ? { section: { slug: sectionSlug } } : {}) },
    orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: {
      slug: true,
      title: true,
      dek: true,
      body: true,
      publishedAt: true,
      updatedAt: true,
      leadImageUrl: true,
      author: { select: { name: true } },
      section: { select: { name: true } },
      tags: { select: { name: true } },
    },
  });
  await notePageTags([CACHE_TAGS.articles, CACHE_TAGS.sections, CACHE_TAGS.settings]);
  return articles.map((article) => ({ ...article, excerpt: excerptOf(article.body) }));
}

/** The newest approved comments of a public article, or null when there is no such article. */
export async function feedComments({
  db = appDb(),
  slug,
  anonymous,
}: {
  db?: Db;
  slug: string;
  /** The name shown for a comment whose author is gone. */
  anonymous: string;
}): Promise<{ article: { slug: string; title: string }; comments: FeedComment[] } | null> {
  await notePageTags([CACHE_TAGS.articles, CACHE_TAGS.article(slug), CACHE_TAGS.settings]);
  const article = await db.article.findFirst({ where: { slug, ...publicArticleWhere() }, select: { id: true, slug: true, title: true } });
  if (!article) return null;
  const comments = await db.comment.findMany({
    where: { articleId: article.id, status: "APPROVED" },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: FEED_SIZE,
    select: { id: true, body: true, createdAt: true, guestName: true, author: { select: { name: true } } },
  });
  return {
    article,
    comments: comments.map((c) => ({
      id: c.id,
      body: c.body,
      createdAt: c.createdAt,
      authorName: c.author?.name ?? c.guestName ?? anonymous,
    })),
  };
}
