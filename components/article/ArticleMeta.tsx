import { getCachedFormatter, getCachedTranslations } from "@/lib/i18n/shared-cache";

/** "Von Rainer Rupp · 24. November 2026 · 3 Kommentare" */
export async function ArticleMeta({
  author,
  publishedAt,
  commentCount,
  commentsHref,
}: {
  author: string | null;
  publishedAt: Date | null;
  commentCount: number;
  commentsHref: string;
}) {
  const [t, format] = await Promise.all([getCachedTranslations("Article"), getCachedFormatter()]);
  return (
    <p className="flex flex-wrap items-center gap-x-2 font-sans text-sm text-muted">
      {author && <span className="font-semibold text-ink">{t("byline", { author })}</span>}
      {publishedAt && (
        <>
          <span aria-hidden="true">·</span>
          <time dateTime={publishedAt.toISOString()}>{format.dateTime(publishedAt, { dateStyle: "long" })}</time>
        </>
      )}
      <span aria-hidden="true">·</span>
      <a href={commentsHref} className="underline decoration-rule hover:text-accent hover:decoration-accent">
        {t("comments", { count: commentCount })}
      </a>
    </p>
  );
}
