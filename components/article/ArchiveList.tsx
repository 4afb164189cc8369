import { getTranslations } from "next-intl/server";

import { LIST_PAGE_SIZE, listPublishedArticles } from "@/lib/articles/queries";
import { pathWithQuery } from "@/lib/http/query";

import { ArticleList } from "./ArticleList";

/** The articles of a section or a tag, a page at a time, newest first. */
export async function ArchiveList({
  filter,
  page,
  path,
}: {
  filter: { sectionSlug?: string; tagSlug?: string };
  page: number;
  path: string;
}) {
  const [{ articles, total }, t] = await Promise.all([
    listPublishedArticles({ ...filter, take: LIST_PAGE_SIZE, skip: (page - 1) * LIST_PAGE_SIZE }),
    getTranslations("Lists"),
  ]);
  if (articles.length === 0) return <p className="font-sans text-muted">{t("empty")}</p>;
  return (
    <ArticleList
      level={2}
      articles={articles}
      page={page}
      pages={Math.max(1, Math.ceil(total / LIST_PAGE_SIZE))}
      href={(n) => pathWithQuery(path, { seite: n > 1 ? n : null })}
    />
  );
}
