import { Pagination } from "@/components/ui/Pagination";
import type { ArticleSummary } from "@/lib/articles/queries";

import { ArticleTeaser } from "./ArticleTeaser";

/** A page of teasers, newest first, with page links underneath. */
export function ArticleList({
  articles,
  page,
  pages,
  href,
  level = 3,
}: {
  level?: 2 | 3;
  articles: ArticleSummary[];
  page: number;
  pages: number;
  href: (page: number) => string;
}) {
  return (
    <>
      {articles.map((article) => (
        <ArticleTeaser key={article.id} article={article} level={level} />
      ))}
      <Pagination page={page} pages={pages} href={href} />
    </>
  );
}

/** The page number from "?seite=", 1 when missing or nonsense. */
export function pageParam(value: string | string[] | undefined): number {
  const page = Number(Array.isArray(value) ? value[0] : value);
  return Number.isInteger(page) && page > 0 ? Math.min(page, 10_000) : 1;
}
