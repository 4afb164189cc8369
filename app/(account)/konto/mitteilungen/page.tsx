import type { Metadata } from "next";
import { getFormatter, getTranslations } from "next-intl/server";
import Link from "next/link";

import { AppealForm } from "@/components/account/NoticeForms";
import { requireUser } from "@/lib/accounts/session";
import { articlePath } from "@/lib/articles/paths";
import { markNoticesRead } from "@/lib/notices/commands";
import { isAppealable, type NoticeData } from "@/lib/notices/kinds";
import { listNotices } from "@/lib/notices/queries";
import { noticeStatement } from "@/lib/notices/statement";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("Notices"))("title") };
}

/** Statements of reasons (DSA art. 17) and report outcomes, each with the way to appeal. */
export default async function NoticesPage() {
  const user = await requireUser("/konto/mitteilungen");
  const [t, format, notices] = await Promise.all([getTranslations("Notices"), getFormatter(), listNotices({ userId: user.id })]);
  await markNoticesRead({ userId: user.id });
  return (
    <div className="mx-auto max-w-2xl py-6 font-sans">
      <h1 className="font-serif text-3xl font-bold">{t("title")}</h1>
      <p className="mt-2 text-muted">{t("intro")}</p>
      {notices.length === 0 ? (
        <p className="mt-6 text-muted">{t("empty")}</p>
      ) : (
        <ol className="mt-6 space-y-4">
          {notices.map((notice) => {
            const { subject, lines } = noticeStatement(user.locale, {
              kind: notice.kind,
              data: notice.data as NoticeData,
              articleTitle: notice.comment?.article.title,
            });
            return (
              <li key={notice.id}>
                <article aria-labelledby={`notice-${notice.id}`} className="rounded border border-rule bg-white p-4">
                  <header className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 id={`notice-${notice.id}`} className="text-lg font-semibold">
                      {subject}
                      {!notice.readAt && <span className="ml-2 rounded bg-accent px-1.5 text-xs text-white">{t("new")}</span>}
                    </h2>
                    <time dateTime={notice.createdAt.toISOString()} className="text-sm text-muted">
                      {format.dateTime(notice.createdAt, { dateStyle: "medium", timeStyle: "short" })}
                    </time>
                  </header>
                  {lines.map((line, i) => (
                    <p key={i} className="mt-1 text-sm">
                      {line}
                    </p>
                  ))}
                  {notice.comment && notice.kind === "comment.rejected" && (
                    <div className="mt-2 text-sm">
                      <p className="font-semibold">{t("yourComment")}</p>
                      <blockquote className="mt-1 border-l-4 border-stone-300 pl-3 whitespace-pre-wrap text-muted">
                        {notice.comment.body}
                      </blockquote>
                      <Link href={articlePath(notice.comment.article.slug)} className="underline hover:text-accent">
                        {notice.comment.article.title}
                      </Link>
                    </div>
                  )}
                  {notice.appealedAt ? (
                    <p className="mt-3 rounded bg-highlight p-2 text-sm">
                      {t("appealed", { date: format.dateTime(notice.appealedAt, { dateStyle: "medium" }), text: notice.appeal ?? "" })}
                    </p>
                  ) : (
                    isAppealable(notice.kind) && <AppealForm noticeId={notice.id} />
                  )}
                </article>
              </li>
            );
          })}
        </ol>
      )}
    </div>
  );
}
