import { randomUUID } from "node:crypto";
import Link from "next/link";

import { may } from "@/lib/accounts/permissions";
import { articlePath } from "@/lib/articles/paths";
import { COMMENT_PARAMS, commentAnchor, commentPermalink, commentPermalinkOnPage } from "@/lib/comments/paths";
import { editMinutesLeft } from "@/lib/comments/policy";
import type { DiscussionComment, DiscussionThread } from "@/lib/comments/queries";
import type { ThreadNode } from "@/lib/comments/thread";
import type { getCachedFormatter, getCachedTranslations } from "@/lib/i18n/shared-cache";
import { renderCommentMarkdown } from "@/lib/markdown/render";
import { formStamp } from "@/lib/moderation/form-clock";

import { DeleteCommentButton, LikeButton, ReportForm } from "./CommentControls";
import { CommentForm } from "./CommentForm";

type Translator = Awaited<ReturnType<typeof getCachedTranslations>>;
type Formatter = Awaited<ReturnType<typeof getCachedFormatter>>;

/** What every comment of one page needs to know about the page and the reader. */
export interface ThreadContext {
  /** The section's translator and formatter, looked up once per page rather than once per comment. */
  t: Translator;
  format: Formatter;
  /** The name shown for a deleted or hidden author, translated once per page. */
  deletedAuthor: string;
  article: { id: string; slug: string };
  viewer: { id: string; verified: boolean } | null;
  /** The discussion takes new comments and replies. */
  open: boolean;
  settings: { commentMaxLength: number; commentEditWindowMinutes: number };
  /** Which inline form is open, from the page's query. */
  panel: { reply?: string; edit?: string; report?: string };
  /** The query without panels, to close them again. */
  baseQuery: URLSearchParams;
  focusId: string | null;
  now: Date;
}

// Only the query: the link stays on the article page, and 80 comments do not each repeat its long path.
function hrefWith(ctx: ThreadContext, param: string, commentId: string, anchor: string) {
  const query = new URLSearchParams(ctx.baseQuery);
  query.set(param, commentId);
  return `?${query}#${anchor}`;
}

function closeHref(ctx: ThreadContext, commentId: string) {
  const query = ctx.baseQuery.toString();
  return `${articlePath(ctx.article.slug)}${query ? `?${query}` : ""}#${commentAnchor(commentId)}`;
}

/** A few words of the comment a deep reply answers, without Markdown. */
function snippet(body: string) {
  const plain = body
    .replace(/[*_`>#[\]()~]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return plain.length > 120 ? `${plain.slice(0, 117)}…` : plain;
}

/**
 * One comment and, nested below it, its replies. A top-level comment's replies fold away.
 * Not async: each async component becomes its own chunk of the page's RSC payload.
 */
export function CommentThread({
  comment,
  ctx,
  pageStart,
}: {
  comment: DiscussionThread | ThreadNode<DiscussionComment>;
  ctx: ThreadContext;
  /** Set on the first comment of a "load more" page, so that loading more lands there. */
  pageStart?: number;
}) {
  const { t } = ctx;
  const anchor = commentAnchor(comment.id);
  const replies = comment.replies.length > 0 && (
    <ol
      aria-label={t("repliesTo", { name: authorName(comment, ctx.deletedAuthor, ctx.viewer?.id) })}
      className="mt-4 space-y-4 border-l-2 border-rule pl-3 sm:pl-5"
    >
      {comment.replies.map((reply) => (
        <CommentThread key={reply.id} comment={reply} ctx={ctx} />
      ))}
    </ol>
  );
  const hidden = "hiddenReplies" in comment ? comment.hiddenReplies : 0;
  const isRoot = comment.parentId === null;
  return (
    <li id={anchor} className="scroll-mt-24">
      {pageStart && <span id={`seite-${pageStart}`} className="block scroll-mt-24" />}
      <CommentBody comment={comment} ctx={ctx} />
      {isRoot && comment.replies.length > 0 ? (
        <details open className="group mt-2">
          <summary className="cursor-pointer font-sans text-sm text-muted hover:text-accent">
            <span className="group-open:hidden">{t("showReplies", { count: comment.replies.length + hidden })}</span>
            <span className="hidden group-open:inline">{t("hideReplies")}</span>
          </summary>
          {replies}
          {hidden > 0 && (
            <Link
              href={hrefWith(ctx, COMMENT_PARAMS.thread, comment.id, anchor)}
              scroll={false}
              className="mt-3 ml-3 inline-block font-sans text-sm font-semibold text-accent underline sm:ml-5"
            >
              {t("moreReplies", { count: hidden })}
            </Link>
          )}
        </details>
      ) : (
        replies
      )}
    </li>
  );
}

/**
 * What a reader sees instead of a comment that only holds its place for others' answers:
 * deleted by its author, removed by the moderators, or (after an edit) being checked again.
 */
function placeholderOf(
  comment: { status: string; authorId: string | null },
  viewerId: string | undefined,
): "deleted" | "removed" | "underReview" | null {
  if (comment.status === "DELETED") return "deleted";
  if (comment.status === "REJECTED" || comment.status === "SPAM") return "removed";
  if (comment.status === "PENDING" && comment.authorId !== viewerId) return "underReview";
  return null;
}

function authorName(
  comment: { status: string; authorId: string | null; author: { name: string | null } | null; guestName: string | null },
  fallback: string,
  viewerId?: string,
) {
  if (placeholderOf(comment, viewerId)) return fallback;
  return comment.author?.name ?? comment.guestName ?? fallback;
}

function CommentBody({ comment, ctx }: { comment: DiscussionComment; ctx: ThreadContext }) {
  const { t, format } = ctx;
  const anchor = commentAnchor(comment.id);
  const placeholder = placeholderOf(comment, ctx.viewer?.id);
  const deleted = placeholder !== null;
  const pending = comment.status === "PENDING" && !deleted;
  const own = !!ctx.viewer && comment.authorId === ctx.viewer.id;
  const canWrite = !!ctx.viewer?.verified && ctx.open && comment.status === "APPROVED";
  const editable = own && editMinutesLeft(comment.createdAt, ctx.settings, ctx.now) > 0;
  const focused = ctx.focusId === comment.id;
  const replyTo = comment.replyTo;
  const permalink = commentPermalink(ctx.article.slug, comment.id);
  return (
    <article
      aria-labelledby={`${anchor}-author`}
      aria-current={focused ? "location" : undefined}
      className={`rounded font-sans ${focused ? "-mx-2 bg-highlight px-2 py-1 ring-2 ring-accent/40" : ""} ${pending ? "border-l-4 border-amber-500 pl-2" : ""}`}
    >
      <header className="flex flex-wrap items-baseline gap-x-2 text-sm">
        <span id={`${anchor}-author`} className="font-semibold">
          {authorName(comment, ctx.deletedAuthor, ctx.viewer?.id)}
        </span>
        {!deleted && may(comment.author, "comments.speakForNewsroom") && (
          <span className="rounded bg-ink px-1.5 py-0.5 text-xs font-semibold text-white">{t("staffBadge")}</span>
        )}
        <a href={commentPermalinkOnPage(comment.id)} className="text-muted hover:text-accent">
          <span className="sr-only">{t("permalink")}: </span>
          <time
            dateTime={comment.createdAt.toISOString()}
            title={format.dateTime(comment.createdAt, { dateStyle: "full", timeStyle: "short" })}
          >
            {format.relativeTime(comment.createdAt, ctx.now)}
          </time>
        </a>
        {comment.featured && !deleted && (
          <span className="rounded bg-accent px-1.5 py-0.5 text-xs font-semibold text-white">{t("featured")}</span>
        )}
        {comment.editedAt && !deleted && <span className="text-muted italic">({t("edited")})</span>}
        {pending && <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-semibold text-amber-950">{t("pending")}</span>}
      </header>
      {replyTo && !deleted && (
        <p className="mt-1 text-sm text-muted">
          <a href={`#${commentAnchor(replyTo.id)}`} className="hover:text-accent">
            ↪ {t("answering", { name: authorName(replyTo, ctx.deletedAuthor) })}
          </a>
          {replyTo.status === "APPROVED" && <q className="ml-1 italic">{snippet(replyTo.body)}</q>}
        </p>
      )}
      {deleted ? (
        <p className="mt-1 text-muted italic">{t(placeholder ?? "deleted")}</p>
      ) : ctx.panel.edit === comment.id && editable ? (
        <div className="mt-2">
          <CommentForm
            mode="edit"
            articleId={ctx.article.id}
            commentId={comment.id}
            initialBody={comment.body}
            initialKey={randomUUID()}
            maxLength={ctx.settings.commentMaxLength}
            cancelHref={closeHref(ctx, comment.id)}
            signInHref={signInHref(permalink)}
          />
        </div>
      ) : (
        <div
          className="prose prose-sm mt-1 max-w-none prose-a:text-accent"
          // Comment Markdown is rendered with a small subset and sanitised (lib/markdown/render.ts).
          dangerouslySetInnerHTML={{ __html: renderCommentMarkdown(comment.body) }}
        />
      )}
      {ctx.panel.edit === comment.id && own && !editable && (
        <p role="alert" className="mt-2 rounded border border-red-700 bg-red-50 px-3 py-2 text-sm text-red-900">
          {t("editWindowOver", { minutes: ctx.settings.commentEditWindowMinutes })}
        </p>
      )}
      {!deleted && !pending && (
        <div className="mt-1 flex flex-wrap items-center gap-x-2 text-sm text-muted">
          {ctx.viewer && !own ? (
            <LikeButton articleId={ctx.article.id} commentId={comment.id} liked={comment.liked} count={comment.reactionCount} />
          ) : (
            comment.reactionCount > 0 && (
              <span className="px-1.5 py-0.5">
                <span aria-hidden="true">{t("likes", { count: comment.reactionCount })}</span>
                <span className="sr-only">{t("likeCount", { count: comment.reactionCount })}</span>
              </span>
            )
          )}
          {canWrite && (
            <Link
              href={hrefWith(ctx, COMMENT_PARAMS.reply, comment.id, `reply-${comment.id}`)}
              scroll={false}
              className="rounded px-1.5 py-0.5 hover:text-accent"
            >
              {t("reply")}
            </Link>
          )}
          {!ctx.viewer && ctx.open && (
            <Link href={signInHref(permalink)} className="rounded px-1.5 py-0.5 hover:text-accent">
              {t("reply")}
            </Link>
          )}
          {editable && ctx.panel.edit !== comment.id && (
            <Link
              href={hrefWith(ctx, COMMENT_PARAMS.edit, comment.id, anchor)}
              scroll={false}
              className="rounded px-1.5 py-0.5 hover:text-accent"
            >
              {t("edit")}
            </Link>
          )}
          {own && <DeleteCommentButton articleId={ctx.article.id} commentId={comment.id} />}
          {ctx.viewer && !own && !comment.reported && ctx.panel.report !== comment.id && (
            <Link
              href={hrefWith(ctx, COMMENT_PARAMS.report, comment.id, `report-${comment.id}`)}
              scroll={false}
              className="rounded px-1.5 py-0.5 hover:text-accent"
            >
              {t("report")}
            </Link>
          )}
          {comment.reported && <span className="px-1.5 py-0.5">{t("reported")}</span>}
        </div>
      )}
      {own && pending && (
        <div className="mt-1 flex gap-2 text-sm text-muted">
          <DeleteCommentButton articleId={ctx.article.id} commentId={comment.id} />
        </div>
      )}
      {ctx.panel.report === comment.id && ctx.viewer && !own && !deleted && (
        <div id={`report-${comment.id}`} className="scroll-mt-24">
          {comment.reported ? (
            <p role="status" className="mt-2 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
              {t("reportThanks")}
            </p>
          ) : (
            <ReportForm articleId={ctx.article.id} commentId={comment.id} cancelHref={closeHref(ctx, comment.id)} />
          )}
        </div>
      )}
      {ctx.panel.reply === comment.id && canWrite && (
        <div id={`reply-${comment.id}`} className="mt-3 scroll-mt-24">
          <CommentForm
            mode="reply"
            articleId={ctx.article.id}
            parentId={comment.id}
            replyingTo={authorName(comment, ctx.deletedAuthor, ctx.viewer?.id)}
            initialKey={randomUUID()}
            formStamp={formStamp(ctx.now)}
            maxLength={ctx.settings.commentMaxLength}
            cancelHref={closeHref(ctx, comment.id)}
            signInHref={signInHref(permalink)}
          />
        </div>
      )}
    </article>
  );
}

export function signInHref(returnTo: string) {
  return `/anmelden?callbackUrl=${encodeURIComponent(returnTo)}`;
}
