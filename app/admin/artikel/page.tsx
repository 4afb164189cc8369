import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { FILTER_CONTROL, FilterField, FilterSelect } from "@/components/ui/FilterField";
import { ListTable } from "@/components/ui/ListTable";
import { Pagination } from "@/components/ui/Pagination";
import { requirePermission } from "@/lib/accounts/session";
import { ARTICLE_STATUSES, listAdminArticles } from "@/lib/articles/admin-queries";
import { articlePath } from "@/lib/articles/paths";
import { listSections } from "@/lib/articles/queries";
import type { ArticleStatus } from "@/lib/db/client";
import { pathWithQuery } from "@/lib/http/query";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Articles"))("listTitle") };
}

type Props = { searchParams: Promise<{ q?: string; status?: string; rubrik?: string; seite?: string; geloescht?: string }> };

export default async function AdminArticlesPage({ searchParams }: Props) {
  const params = await searchParams;
  await requirePermission("articles.publish", "/admin/artikel");
  const query = (params.q ?? "").slice(0, 100);
  const status = ARTICLE_STATUSES.includes(params.status as ArticleStatus) ? (params.status as ArticleStatus) : null;
  const sections = await listSections();
  const sectionId = sections.some((s) => s.id === params.rubrik) ? params.rubrik! : null;
  const { articles, total, page, pages } = await listAdminArticles({ query, status, sectionId, page: Number(params.seite ?? 1) });
  const [t, format] = await Promise.all([getTranslations("Articles"), getFormatter()]);
  const filters = { q: query, status, rubrik: sectionId };

  return (
    <div className="py-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-2xl font-bold">{t("listTitle")}</h1>
        <Link href="/admin/artikel/neu" className="rounded bg-ink px-4 py-2 text-sm font-semibold text-white hover:bg-accent">
          {t("new")}
        </Link>
      </div>
      {params.geloescht && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
          {t("deleted")}
        </p>
      )}
      <form role="search" className="mt-4 flex flex-wrap items-end gap-3 text-sm">
        <FilterField id="article-q" label={t("search")}>
          <input id="article-q" name="q" type="search" defaultValue={query} className={`${FILTER_CONTROL} w-64 max-w-full`} />
        </FilterField>
        <FilterSelect
          id="article-status"
          name="status"
          label={t("status")}
          value={status ?? ""}
          allLabel={t("allStatuses")}
          options={ARTICLE_STATUSES.map((s) => ({ value: s, label: t(`statuses.${s}`) }))}
        />
        <FilterSelect
          id="article-section"
          name="rubrik"
          label={t("section")}
          value={sectionId ?? ""}
          allLabel={t("allSections")}
          options={sections.map((s) => ({ value: s.id, label: s.name }))}
        />
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-accent">
          {t("filter")}
        </button>
      </form>
      <ListTable
        summary={t("results", { count: total })}
        columns={[
          { label: t("title") },
          { label: t("status") },
          { label: t("author") },
          { label: t("section") },
          { label: t("date") },
          { label: t("comments"), align: "right" },
        ]}
      >
        {articles.map((article) => (
          <tr key={article.id} className="border-b border-rule align-top">
            <td className="py-3 pr-4">
              <Link href={`/admin/artikel/${article.id}`} className="font-semibold hover:text-accent">
                {article.title}
              </Link>
              {article.status !== "DRAFT" && (
                <>
                  {" "}
                  <Link href={articlePath(article.slug)} className="text-xs text-muted underline">
                    {t("view")}
                  </Link>
                </>
              )}
            </td>
            <td className="py-3 pr-4 whitespace-nowrap">
              <span className={`rounded px-1.5 py-0.5 text-xs font-semibold ${STATUS_STYLE[article.status]}`}>
                {t(`statuses.${article.status}`)}
              </span>
            </td>
            <td className="py-3 pr-4">{article.author.name ?? "–"}</td>
            <td className="py-3 pr-4">{article.section?.name ?? "–"}</td>
            <td className="py-3 pr-4 whitespace-nowrap">
              {article.publishedAt ? format.dateTime(article.publishedAt, { dateStyle: "medium", timeStyle: "short" }) : "–"}
              <br />
              <span className="text-xs text-muted">
                {t("updated", { date: format.dateTime(article.updatedAt, { dateStyle: "short", timeStyle: "short" }) })}
              </span>
            </td>
            <td className="py-3 text-right whitespace-nowrap">
              {article.commentCount}
              {article.pendingCount > 0 && (
                <Link
                  href={pathWithQuery("/moderation/ausstehend", { artikel: article.id })}
                  className="ml-2 rounded-full bg-accent px-1.5 text-xs font-semibold text-white"
                >
                  {t("pending", { count: article.pendingCount })}
                </Link>
              )}
            </td>
          </tr>
        ))}
      </ListTable>
      <Pagination page={page} pages={pages} href={(n) => pathWithQuery("/admin/artikel", { ...filters, seite: n })} />
    </div>
  );
}

const STATUS_STYLE: Record<ArticleStatus, string> = {
  DRAFT: "bg-stone-200 text-ink",
  SCHEDULED: "bg-amber-100 text-amber-900",
  PUBLISHED: "bg-green-100 text-green-900",
};
