import { cache } from "react";

import { cachedRead } from "@/lib/cache/cached";
import { notePageTags } from "@/lib/cache/render-tags";
import { CACHE_TAGS } from "@/lib/cache/tags";
import { db, type Db, type Prisma } from "@/lib/db/client";

import { excerptOf } from "./excerpt";
import { isPublicArticle, publicArticleWhere } from "./visibility";

const listSelect = {
  id: true,
  slug: true,
  title: true,
  dek: true,
  publishedAt: true,
  commentCount: true,
  leadImageUrl: true,
  leadImageAlt: true,
  author: { select: { name: true } },
  section: { select: { name: true, slug: true } },
} as const;

export const LIST_PAGE_SIZE = 20;

/** Public articles, newest first, optionally of one section or tag: for the home page, section and tag pages. */
export async function listPublishedArticles({
  take = LIST_PAGE_SIZE,
  skip = 0,
  sectionSlug,
  tagSlug,
}: { take?: number; skip?: number; sectionSlug?: string; tagSlug?: string } = {}) {
  const where: Prisma.ArticleWhereInput = {
    ...publicArticleWhere(),
    ...(sectionSlug ? { section: { slug: sectionSlug } } : {}),
    ...(tagSlug ? { tags: { some: { slug: tagSlug } } } : {}),
  };
  const [total, articles] = await Promise.all([
    db().article.count({ where }),
    db().article.findMany({
      where,
      orderBy: [{ publishedAt: "desc" }, { id: "desc" }],
      take,
      skip,
      select: { ...listSelect, body: true },
    }),
  ]);
  // A list page shows each article's comment count: a comment on any of them changes it.
  await notePageTags([CACHE_TAGS.articles, ...articles.map((article) => CACHE_TAGS.article(article.slug))]);
  return { total, articles: articles.map(({ body, ...article }) => ({ ...article, excerpt: article.dek ?? excerptOf(body) })) };
}

export type ArticleSummary = Awaited<ReturnType<typeof listPublishedArticles>>["articles"][number];

const articleSelect = {
  ...listSelect,
  body: true,
  commentsOpen: true,
  seoTitle: true,
  seoDescription: true,
  leadImageCaption: true,
  updatedAt: true,
  tags: { select: { name: true, slug: true }, orderBy: { name: "asc" } },
} as const satisfies Prisma.ArticleSelect;

// Cached with scheduled articles too, and the time checked on every read, so an article
// scheduled for later appears at its time without anyone expiring the cache.
const readArticle = cachedRead(
  "article",
  (slug: string) =>
    db().article.findFirst({ where: { slug, status: { in: ["PUBLISHED", "SCHEDULED"] } }, select: { ...articleSelect, status: true } }),
  { tags: (slug) => [CACHE_TAGS.articles, CACHE_TAGS.article(slug)], maxAgeSeconds: 60 },
);

/** A public article by its slug, or null (drafts and articles scheduled for later are not public). */
export const getPublishedArticle = cache(async (slug: string) => {
  const article = await readArticle(slug);
  return article && isPublicArticle(article) ? article : null;
});

export type PublishedArticle = NonNullable<Awaited<ReturnType<typeof getPublishedArticle>>>;

// Every open page asks this when its live stream connects, so a burst of readers must not queue on
// the database for it. Publishing, unpublishing and deleting expire the articles tag; the time of
// a scheduled article is checked on every read, as for readArticle.
const readPublication = cachedRead(
  "article-publication",
  (id: string) => db().article.findUnique({ where: { id }, select: { status: true, publishedAt: true } }),
  {
    tags: () => [CACHE_TAGS.articles],
    maxAgeSeconds: 60,
  },
);

/** Whether readers may see the article with this id: what its live updates and comments may be heard by. */
export async function isPublicArticleId(id: string): Promise<boolean> {
  const article = await readPublication(id);
  return !!article && isPublicArticle(article);
}

/** Any article, public or not, shaped as the public page shows it: for the admins' preview. */
export function getArticlePreview(id: string) {
  return db().article.findUnique({ where: { id }, select: { ...articleSelect, status: true } });
}

/** Where an old slug of a published article now lives, for a permanent redirect; null when unknown. */
export async function currentSlugFor({ db: database = db(), oldSlug }: { db?: Db; oldSlug: string }): Promise<string | null> {
  const redirect = await database.articleSlugRedirect.findUnique({
    where: { slug: oldSlug },
    select: { article: { select: { slug: true, status: true, publishedAt: true } } },
  });
  const article = redirect?.article;
  return article && isPublicArticle(article) ? article.slug : null;
}

/** The sections in the navigation's order. */
export const listSections = cache(
  cachedRead(
    "sections",
    () => db().section.findMany({ orderBy: [{ position: "asc" }, { name: "asc" }], select: { id: true, slug: true, name: true } }),
    {
      tags: () => [CACHE_TAGS.sections],
    },
  ),
);

export const getSection = cache((slug: string) =>
  db().section.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } }),
);

export const getTag = cache((slug: string) => db().tag.findUnique({ where: { slug }, select: { id: true, slug: true, name: true } }));

/** Every public article with its last change (newest first), and the sections: what the sitemap lists. */
export async function listSitemapEntries({ db: database = db() }: { db?: Db } = {}) {
  const [articles, sections] = await Promise.all([
    database.article.findMany({
      where: publicArticleWhere(),
      orderBy: { publishedAt: "desc" },
      take: 50_000,
      select: { slug: true, updatedAt: true },
    }),
    database.section.findMany({ orderBy: { position: "asc" }, select: { slug: true } }),
  ]);
  return { articles, sections };
}
