import Link from "next/link";

import { COMMENT_PARAMS, commentAnchor } from "@/lib/comments/paths";
import type { DiscussionComment } from "@/lib/comments/queries";

import { DeleteCommentButton, LikeButton } from "./CommentControls";
import { hrefWith, signInHref, type ThreadContext } from "./thread-context";

/** The line under a published comment: likes, reply, edit, delete, report; each only for whom it applies. */
export function CommentActions({
  comment,
  ctx,
  own,
  canWrite,
  editable,
  permalink,
}: {
  comment: DiscussionComment;
  ctx: ThreadContext;
  own: boolean;
  canWrite: boolean;
  editable: boolean;
  permalink: string;
}) {
  const { t } = ctx;
  return (
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
          href={hrefWith(ctx, COMMENT_PARAMS.edit, comment.id, commentAnchor(comment.id))}
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
  );
}
