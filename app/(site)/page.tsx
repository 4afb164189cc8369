import { getTranslations } from "next-intl/server";

import { ArticleList, pageParam } from "@/components/article/ArticleList";
import { ArticleTeaser } from "@/components/article/ArticleTeaser";
import { LIST_PAGE_SIZE, listPublishedArticles } from "@/lib/articles/queries";
import { pathWithQuery } from "@/lib/http/query";

type Props = { searchParams: Promise<{ abgemeldet?: string; konto?: string; seite?: string }> };

export default async function HomePage({ searchParams }: Props) {
  const params = await searchParams;
  const page = pageParam(params.seite);
  // The first page leads with one story in the large treatment, then a full page of others.
  const take = page === 1 ? LIST_PAGE_SIZE + 1 : LIST_PAGE_SIZE;
  const skip = page === 1 ? 0 : (page - 1) * LIST_PAGE_SIZE + 1;
  const [{ articles, total }, t, tAuth] = await Promise.all([
    listPublishedArticles({ take, skip }),
    getTranslations("Home"),
    getTranslations("Auth"),
  ]);
  const pages = Math.max(1, Math.ceil((total - 1) / LIST_PAGE_SIZE));
  const [lead, ...rest] = page === 1 ? articles : [undefined, ...articles];
  // Where sign-out and account deletion land; the message confirms what happened.
  const notice = params.konto === "geloescht" ? tAuth("accountDeleted") : params.abgemeldet ? tAuth("signedOut") : null;
  return (
    <div>
      {notice && (
        <p role="status" className="mb-6 rounded border border-green-700 bg-green-50 px-3 py-2 font-sans text-sm text-green-900">
          {notice}
        </p>
      )}
      <h1 className="sr-only">{t("title")}</h1>
      {articles.length === 0 && <p className="font-sans text-muted">{t("empty")}</p>}
      {lead && (
        <section aria-label={t("lead")}>
          <ArticleTeaser article={lead} lead />
        </section>
      )}
      {rest.length > 0 && (
        <section aria-labelledby="more-articles" className="mt-8">
          <h2 id="more-articles" className="font-sans text-sm font-bold tracking-wider text-muted uppercase">
            {t("more")}
          </h2>
          <ArticleList
            articles={rest as NonNullable<typeof lead>[]}
            page={page}
            pages={pages}
            href={(n) => pathWithQuery("/", { seite: n > 1 ? n : null })}
          />
        </section>
      )}
    </div>
  );
}
