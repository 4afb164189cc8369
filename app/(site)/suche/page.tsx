import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import Link from "next/link";

import { pageParam } from "@/components/article/ArticleList";
import { ArticleMeta } from "@/components/article/ArticleMeta";
import { Pagination } from "@/components/ui/Pagination";
import { SearchForm } from "@/components/ui/SearchForm";
import { articlePath } from "@/lib/articles/paths";
import { SEARCH_PAGE_SIZE, searchArticles, snippetParts } from "@/lib/articles/search";
import { pathWithQuery } from "@/lib/http/query";

type Props = { searchParams: Promise<{ q?: string | string[]; seite?: string }> };

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("Search");
  // Result pages are not worth indexing; links on them are.
  return { title: t("title"), robots: { index: false, follow: true } };
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  const query = (Array.isArray(params.q) ? params.q[0] : params.q)?.trim() ?? "";
  const page = pageParam(params.seite);
  const [{ hits, total }, t] = await Promise.all([searchArticles({ text: query, page }), getTranslations("Search")]);
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="mb-4 text-3xl font-bold">{t("title")}</h1>
      <SearchForm query={query} large />
      {query && (
        <p role="status" className="mt-4 font-sans text-sm text-muted">
          {t("results", { count: total, query })}
        </p>
      )}
      <ol className="mt-4">
        {hits.map((hit) => (
          <li key={hit.id} className="border-b border-rule py-5 last:border-b-0">
            {hit.sectionName && <p className="mb-1 font-sans text-xs font-bold tracking-wider text-accent uppercase">{hit.sectionName}</p>}
            <h2 className="text-xl leading-snug font-bold">
              <Link href={articlePath(hit.slug)} className="hover:text-accent">
                {hit.title}
              </Link>
            </h2>
            <p className="mt-2 leading-relaxed">
              {snippetParts(hit.snippet).map((part, index) =>
                part.hit ? (
                  <mark key={index} className="rounded-sm bg-yellow-200 px-0.5 text-ink">
                    {part.text}
                  </mark>
                ) : (
                  part.text
                ),
              )}
            </p>
            <div className="mt-2">
              <ArticleMeta
                author={hit.authorName}
                publishedAt={hit.publishedAt}
                commentCount={hit.commentCount}
                commentsHref={`${articlePath(hit.slug)}#kommentare`}
              />
            </div>
          </li>
        ))}
      </ol>
      <Pagination
        page={page}
        pages={Math.max(1, Math.ceil(total / SEARCH_PAGE_SIZE))}
        href={(n) => pathWithQuery("/suche", { q: query, seite: n > 1 ? n : null })}
      />
    </div>
  );
}
