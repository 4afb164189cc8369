import { rolesWith } from "@/lib/accounts/permissions";
import { db as appDb, type ArticleStatus, type Db, type Prisma } from "@/lib/db/client";

export const ADMIN_PAGE_SIZE = 50;
export const ARTICLE_STATUSES: readonly ArticleStatus[] = ["DRAFT", "SCHEDULED", "PUBLISHED"];

export interface AdminArticleFilter {
  db?: Db;
  query?: string;
  status?: ArticleStatus | null;
  sectionId?: string | null;
  page?: number;
}

/** The newsroom's article list: every status, newest change first, with comment and pending counts. */
export async function listAdminArticles({ db = appDb(), query = "", status = null, sectionId = null, page = 1 }: AdminArticleFilter) {
  const q = query.trim();
  const where: Prisma.ArticleWhereInput = {
    ...(status ? { status } : {}),
    ...(sectionId ? { sectionId } : {}),
    ...(q ? { OR: [{ title: { contains: q, mode: "insensitive" } }, { slug: { contains: q, mode: "insensitive" } }] } : {}),
  };
  const current = Math.max(1, Math.floor(page) || 1);
  const [total, articles] = await Promise.all([
    db.article.count({ where }),
    db.article.findMany({
      where,
      orderBy: [{ updatedAt: "desc" }, { id: "desc" }],
      skip: (current - 1) * ADMIN_PAGE_SIZE,
      take: ADMIN_PAGE_SIZE,
      select: {
        id: true,
        slug: true,
        title: true,
        status: true,
        publishedAt: true,
        updatedAt: true,
        commentCount: true,
        author: { select: { name: true } },
        section: { select: { name: true } },
      },
    }),
  ]);
  const pending = await db.comment.groupBy({
    by: ["articleId"],
    where: { articleId: { in: articles.map((a) => a.id) }, status: "PENDING" },
    _count: { _all: true },
  });
  const pendingById = new Map(pending.map((row) => [row.articleId, row._count._all]));
  return {
    articles: articles.map((article) => ({ ...article, pendingCount: pendingById.get(article.id) ?? 0 })),
    total,
    page: current,
    pages: Math.max(1, Math.ceil(total / ADMIN_PAGE_SIZE)),
  };
}

/** An article with everything the editor shows. */
export function getArticleForEditor({ db = appDb(), id }: { db?: Db; id: string }) {
  return db.article.findUnique({
    where: { id },
    select: {
      id: true,
      slug: true,
      title: true,
      dek: true,
      body: true,
      status: true,
      publishedAt: true,
      updatedAt: true,
      authorId: true,
      sectionId: true,
      commentsOpen: true,
      premoderate: true,
      leadImageUrl: true,
      leadImageAlt: true,
      leadImageCaption: true,
      seoTitle: true,
      seoDescription: true,
      commentCount: true,
      tags: { select: { name: true }, orderBy: { name: "asc" } },
    },
  });
}

export type EditorArticle = NonNullable<Awaited<ReturnType<typeof getArticleForEditor>>>;

/** Who may be named as an article's author: the newsroom. */
export function listAuthors({ db = appDb() }: { db?: Db } = {}) {
  return db.user.findMany({
    where: { role: { in: rolesWith("articles.byline") } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
}

/** The sections as admins manage them: in the navigation's order, each with how many articles it holds. */
export function listSectionsWithCounts({ db = appDb() }: { db?: Db } = {}) {
  return db.section.findMany({
    orderBy: [{ position: "asc" }, { name: "asc" }],
    select: { id: true, name: true, slug: true, position: true, _count: { select: { articles: true } } },
  });
}
