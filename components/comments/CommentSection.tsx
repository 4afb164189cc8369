import { randomUUID } from "node:crypto";
import { cookies } from "next/headers";
import Link from "next/link";

import { setCommentSortAction } from "@/actions/comments";
import { ResendVerificationForm } from "@/components/account/AccountForms";
import { BanNotice } from "@/components/moderation/BanNotice";
import { may } from "@/lib/accounts/permissions";
import { getCurrentUser } from "@/lib/accounts/session";
import { articlePath } from "@/lib/articles/paths";
import type { PublishedArticle } from "@/lib/articles/queries";
import { COMMENT_SORTS, parseSort } from "@/lib/comments/order";
import { COMMENT_PARAMS, COMMENT_SORT_COOKIE, commentAnchor } from "@/lib/comments/paths";
import { discussionOpen } from "@/lib/comments/policy";
import { getPublicDiscussion, getReaderDiscussion, TOP_LEVEL_PAGE } from "@/lib/comments/queries";
import { getCachedFormatter, getCachedTranslations } from "@/lib/i18n/shared-cache";
import { formStamp } from "@/lib/rules/form-clock";
import { getSiteSettings } from "@/lib/settings/site";

import { DiscussionSwitch } from "./CommentControls";
import { CommentForm } from "./CommentForm";
import { CommentThread } from "./CommentThread";
import { LiveUpdates } from "./LiveUpdates";
import { signInHref, type ThreadContext } from "./thread-context";

export type CommentView = Partial<Record<keyof typeof COMMENT_PARAMS, string>>;

/** Reads the comment section's parameters from the article page's query. */
export function commentViewFrom(searchParams: Record<string, string | string[] | undefined>): CommentView {
  const view: CommentView = {};
  for (const [name, param] of Object.entries(COMMENT_PARAMS) as Array<[keyof typeof COMMENT_PARAMS, string]>) {
    const value = searchParams[param];
    const first = Array.isArray(value) ? value[0] : value;
    if (first && first.length <= 64) view[name] = first;
  }
  return view;
}

/** "Schreibe einen Kommentar": the discussion under an article. */
export async function CommentSection({ article, view }: { article: PublishedArticle; view: CommentView }) {
  const [t, format, user, settings, cookieStore] = await Promise.all([
    getCachedTranslations("Comments"),
    getCachedFormatter(),
    getCurrentUser(),
    getSiteSettings(),
    cookies(),
  ]);
  const sort = parseSort(cookieStore.get(COMMENT_SORT_COOKIE)?.value);
  const requested = Number.parseInt(view.count ?? "", 10);
  const from = Number.parseInt(view.from ?? "", 10);
  const query = {
    articleId: article.id,
    sort,
    limit: Number.isFinite(requested) && requested > 0 ? Math.min(requested, 2000) : TOP_LEVEL_PAGE,
    offset: Number.isFinite(from) && from > 0 ? from : 0,
    focusId: view.focus ?? null,
    expandThread: view.thread ?? null,
  };
  const discussion = user
    ? await getReaderDiscussion(article.slug, { ...query, viewerId: user.id })
    : await getPublicDiscussion(article.slug, query);
  const now = new Date();
  const open = discussionOpen(article, settings, now);
  const path = articlePath(article.slug);
  const returnTo = `${path}#kommentare`;

  // Panels (reply, edit, report) close by dropping their parameter; the rest of the view stays.
  const baseQuery = new URLSearchParams();
  if (discussion.shown > TOP_LEVEL_PAGE) baseQuery.set(COMMENT_PARAMS.count, String(discussion.shown));
  if (discussion.offset > 0) baseQuery.set(COMMENT_PARAMS.from, String(discussion.offset));
  if (view.thread) baseQuery.set(COMMENT_PARAMS.thread, view.thread);
  if (view.focus) baseQuery.set(COMMENT_PARAMS.focus, view.focus);

  const ctx: ThreadContext = {
    t,
    format,
    deletedAuthor: t("deletedAuthor"),
    article: { id: article.id, slug: article.slug },
    viewer: user ? { id: user.id, verified: !!user.emailVerified } : null,
    open,
    settings,
    panel: { reply: view.reply, edit: view.edit, report: view.report },
    baseQuery,
    focusId: discussion.focusId,
    now,
  };
  const moreQuery = new URLSearchParams(baseQuery);
  moreQuery.set(COMMENT_PARAMS.count, String(discussion.shown + TOP_LEVEL_PAGE));
  // A window further down (from a permalink) grows upwards a page at a time, keeping the reader's place.
  const earlierQuery = new URLSearchParams(baseQuery);
  const earlierFrom = Math.max(0, discussion.offset - TOP_LEVEL_PAGE);
  if (earlierFrom > 0) earlierQuery.set(COMMENT_PARAMS.from, String(earlierFrom));
  else earlierQuery.delete(COMMENT_PARAMS.from);
  earlierQuery.set(COMMENT_PARAMS.count, String(discussion.shown + discussion.offset - earlierFrom));

  let writing: React.ReactNode;
  const notice = "mt-6 rounded border border-rule bg-stone-50 p-4 font-sans text-sm";
  if (!open) writing = <p className={notice}>{t("closed")}</p>;
  else if (!user)
    writing = (
      <p className={notice}>
        {t("signInPrompt")}{" "}
        <Link href={signInHref(returnTo)} className="font-semibold text-accent underline">
          {t("signIn")}
        </Link>
      </p>
    );
  else if (!user.emailVerified)
    writing = (
      <div className="mt-6 space-y-2 rounded border border-amber-600 bg-amber-50 p-4 font-sans text-sm text-amber-950">
        <p>{t("verifyToComment")}</p>
        <ResendVerificationForm />
      </div>
    );
  else if (user.bannedUntil && user.bannedUntil > now) writing = <BanNotice until={user.bannedUntil} reason={user.banReason} />;
  else
    writing = (
      <div className="mt-6">
        <CommentForm
          mode="new"
          articleId={article.id}
          initialKey={randomUUID()}
          formStamp={formStamp(now)}
          maxLength={settings.commentMaxLength}
          signInHref={signInHref(returnTo)}
        />
      </div>
    );

  return (
    <section id="kommentare" aria-labelledby="comments-heading" className="mx-auto mt-12 max-w-2xl scroll-mt-6 border-t-2 border-ink pt-6">
      <div className="flex flex-wrap items-baseline justify-between gap-3">
        <div>
          <h2 id="comments-heading" className="text-2xl font-bold">
            {t("heading")}
          </h2>
          <p className="mt-1 font-sans text-sm text-muted">{t("count", { count: article.commentCount })}</p>
        </div>
        {may(user, "comments.moderate") && <DiscussionSwitch articleId={article.id} open={article.commentsOpen} />}
      </div>

      {writing}
      <LiveUpdates articleId={article.id} />

      {discussion.threads.length === 0 ? (
        <p className="mt-6 font-sans text-muted">{open ? t("empty") : t("emptyClosed")}</p>
      ) : (
        <>
          <form
            action={setCommentSortAction}
            className="mt-8 flex flex-wrap items-center gap-1 font-sans text-sm"
            aria-label={t("sortLabel")}
          >
            <input type="hidden" name="slug" value={article.slug} />
            <span className="mr-1 text-muted">{t("sortLabel")}:</span>
            {COMMENT_SORTS.map((option) => (
              <button
                key={option}
                type="submit"
                name="sort"
                value={option}
                aria-pressed={sort === option}
                className="rounded-full border border-stone-300 px-3 py-1 hover:border-ink aria-pressed:border-ink aria-pressed:bg-ink aria-pressed:text-white"
              >
                {t(`sort.${option}`)}
              </button>
            ))}
          </form>
          {discussion.offset > 0 && (
            <p className="mt-6 text-center font-sans">
              <Link
                href={`${path}?${earlierQuery}#${commentAnchor(discussion.threads[0]!.id)}`}
                scroll={false}
                className="inline-block rounded border border-ink px-4 py-2 text-sm font-semibold hover:bg-ink hover:text-white"
              >
                {t("loadEarlier")}
              </Link>
            </p>
          )}
          <ol className="mt-6 space-y-8">
            {discussion.threads.map((thread, index) => (
              <CommentThread
                key={thread.id}
                comment={thread}
                ctx={ctx}
                pageStart={index > 0 && index % TOP_LEVEL_PAGE === 0 ? index / TOP_LEVEL_PAGE + 1 : undefined}
              />
            ))}
          </ol>
          {discussion.hasMore && (
            <p className="mt-8 text-center font-sans">
              <Link
                href={`${path}?${moreQuery}#seite-${discussion.shown / TOP_LEVEL_PAGE + 1}`}
                scroll={false}
                className="inline-block rounded border border-ink px-4 py-2 text-sm font-semibold hover:bg-ink hover:text-white"
              >
                {t("loadMore")}
              </Link>
            </p>
          )}
        </>
      )}
    </section>
  );
}
