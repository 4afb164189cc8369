import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";

import { ModerationQueue } from "@/components/moderation/ModerationQueue";
import type { QueueItemView } from "@/components/moderation/queue-item-view";
import { FILTER_CONTROL, FilterField, FilterSelect } from "@/components/ui/FilterField";
import { Pagination } from "@/components/ui/Pagination";
import { requirePermission } from "@/lib/accounts/session";
import { articlePath } from "@/lib/articles/paths";
import { commentPermalink } from "@/lib/comments/paths";
import { pathWithQuery } from "@/lib/http/query";
import { renderCommentMarkdown } from "@/lib/markdown/render";
import { listQueue, QUEUE_SLUGS, queueArticles, queueFromSlug } from "@/lib/moderation/queries";
import type { RuleHit } from "@/lib/rules/intake";
import { shorten } from "@/lib/text/shorten";

type Params = { params: Promise<{ queue: string }>; searchParams: Promise<Record<string, string | undefined>> };

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const queue = queueFromSlug((await params).queue);
  const t = await getTranslations("Moderation");
  return { title: queue ? `${t(`queue.${queue}`)} – ${t("title")}` : t("title") };
}

const excerpt = (body: string) => shorten(body.replace(/\s+/g, " ").trim(), 200);

/** One moderation queue: filters, the comments with their context, and the keyboard-driven actions. */
export default async function QueuePage({ params, searchParams }: Params) {
  const slug = (await params).queue;
  await requirePermission("comments.moderate", `/moderation/${encodeURIComponent(slug)}`);
  const queue = queueFromSlug(slug);
  if (!queue) notFound();
  const query = await searchParams;
  const order = query.reihenfolge === "alt" ? "oldest" : "newest";
  const articleId = query.artikel?.slice(0, 40) || undefined;
  const author = query.person?.slice(0, 100) || undefined;
  const [t, tRules, tMatch, tReasons, format, result, articles] = await Promise.all([
    getTranslations("Moderation"),
    getTranslations("Rules"),
    getTranslations("RuleMatch"),
    getTranslations("Comments"),
    getFormatter(),
    listQueue({ queue, articleId, author, order, page: Number(query.seite ?? 1) }),
    queueArticles({ queue }),
  ]);
  const now = new Date();

  const items: QueueItemView[] = result.items.map((item) => {
    const record = item.author ? result.records.get(item.author.id) : undefined;
    const hits = (Array.isArray(item.flags) ? item.flags : []) as unknown as RuleHit[];
    return {
      id: item.id,
      body: item.body,
      bodyHtml: renderCommentMarkdown(item.body),
      status: item.status,
      featured: item.featured,
      createdAt: item.createdAt.toISOString(),
      createdLabel: format.dateTime(item.createdAt, { dateStyle: "medium", timeStyle: "short" }),
      permalink: commentPermalink(item.article.slug, item.id),
      article: { title: item.article.title, href: articlePath(item.article.slug) },
      parent: item.parent ? { author: item.parent.author?.name ?? item.parent.guestName ?? "–", excerpt: excerpt(item.parent.body) } : null,
      author: item.author
        ? {
            name: item.author.name ?? item.author.email ?? "–",
            email: item.author.email,
            record: t("history", {
              approved: record?.approved ?? 0,
              rejected: record?.rejected ?? 0,
              spam: record?.spam ?? 0,
              since: format.dateTime(item.author.createdAt, { dateStyle: "medium" }),
            }),
            actions: record?.actions ?? 0,
            banned: !!item.author.bannedUntil && item.author.bannedUntil > now,
            premoderated: item.author.alwaysPremoderate,
            peopleHref: `/moderation/personen?q=${encodeURIComponent(item.author.email ?? item.author.name ?? "")}`,
          }
        : null,
      reasons: hits.map((hit) => {
        const label = tRules.has(hit.rule) ? tRules(hit.rule) : hit.rule;
        return hit.match && tMatch.has(hit.rule as "links") ? `${label}: ${tMatch(hit.rule as "links", { match: hit.match })}` : label;
      }),
      reports: item.reports.map((report) => ({ reason: tReasons(`reason.${report.reason}`), details: report.details })),
    };
  });

  const pageHref = (page: number) =>
    pathWithQuery(`/moderation/${QUEUE_SLUGS[queue]}`, {
      artikel: articleId,
      person: author,
      reihenfolge: order === "oldest" ? "alt" : undefined,
      seite: page,
    });

  return (
    <section aria-labelledby="queue-title" className="mt-6">
      <h1 id="queue-title" className="text-2xl font-bold">
        {t(`queue.${queue}`)}
      </h1>
      <p className="mt-1 text-muted">{t(`queueIntro.${queue}`)}</p>

      <form className="mt-4 flex flex-wrap items-end gap-3 text-sm" aria-label={t("filter")}>
        <FilterSelect
          id="filter-article"
          name="artikel"
          label={t("filterArticle")}
          value={articleId ?? ""}
          allLabel={t("allArticles")}
          className="max-w-72"
          options={articles.map((article) => ({ value: article.id, label: article.title }))}
        />
        <FilterField id="filter-author" label={t("filterAuthor")}>
          <input id="filter-author" name="person" type="search" defaultValue={author ?? ""} className={`${FILTER_CONTROL} w-60`} />
        </FilterField>
        <FilterField id="filter-order" label={t("order")}>
          <select id="filter-order" name="reihenfolge" defaultValue={order === "oldest" ? "alt" : "neu"} className={FILTER_CONTROL}>
            <option value="neu">{t("newest")}</option>
            <option value="alt">{t("oldest")}</option>
          </select>
        </FilterField>
        <button type="submit" className="rounded bg-ink px-4 py-2 font-semibold text-white hover:bg-accent">
          {t("filter")}
        </button>
      </form>
      <p className="mt-3 text-sm text-muted">{t("items", { count: result.total })}</p>

      <ModerationQueue queue={queue} items={items} />
      <Pagination page={result.page} pages={result.pages} href={pageHref} />
    </section>
  );
}
