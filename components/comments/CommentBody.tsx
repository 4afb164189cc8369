import { randomUUID } from "node:crypto";

import { commentAnchor, commentPermalink } from "@/lib/comments/paths";
import { editMinutesLeft } from "@/lib/comments/policy";
import type { DiscussionComment } from "@/lib/comments/queries";
import { renderCommentMarkdown } from "@/lib/markdown/render";
import { formStamp } from "@/lib/moderation/form-clock";

import { authorName, placeholderOf } from "./comment-author";
import { CommentActions } from "./CommentActions";
import { CommentByline } from "./CommentByline";
import { DeleteCommentButton, ReportForm } from "./CommentControls";
import { CommentForm } from "./CommentForm";
import { InReplyTo } from "./InReplyTo";
import { closeHref, signInHref, type ThreadContext } from "./thread-context";

/** One comment without its replies: byline, text (or its edit form), actions, and the report or reply form when open. */
export function CommentBody({ comment, ctx }: { comment: DiscussionComment; ctx: ThreadContext }) {
  const { t } = ctx;
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
      <CommentByline comment={comment} ctx={ctx} deleted={deleted} pending={pending} />
      {replyTo && !deleted && <InReplyTo replyTo={replyTo} ctx={ctx} />}
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
        <CommentActions comment={comment} ctx={ctx} own={own} canWrite={canWrite} editable={editable} permalink={permalink} />
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
