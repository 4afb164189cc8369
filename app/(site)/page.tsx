import { getTranslations } from "next-intl/server";
import { ArticleTeaser } from "@/components/article/ArticleTeaser";
import { listPublishedArticles } from "@/lib/articles/queries";

export default async function HomePage({ searchParams }: { searchParams: Promise<{ abgemeldet?: string; konto?: string }> }) {
  const params = await searchParams;
  const [articles, t, tAuth] = await Promise.all([listPublishedArticles({ take: 21 }), getTranslations("Home"), getTranslations("Auth")]);
  const [lead, ...rest] = articles;
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
      {!lead && <p className="font-sans text-muted">{t("empty")}</p>}
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
          {rest.map((article) => (
            <ArticleTeaser key={article.id} article={article} />
          ))}
        </section>
      )}
    </div>
  );
}
