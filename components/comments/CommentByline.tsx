import { may } from "@/lib/accounts/permissions";
import { commentAnchor, commentPermalinkOnPage } from "@/lib/comments/paths";
import type { DiscussionComment } from "@/lib/comments/queries";

import { authorName } from "./comment-author";
import type { ThreadContext } from "./thread-context";

/** Who wrote the comment and when (the permalink), with its badges: newsroom, featured, edited, pending. */
export function CommentByline({
  comment,
  ctx,
  deleted,
  pending,
}: {
  comment: DiscussionComment;
  ctx: ThreadContext;
  /** Only its place is shown: no badges. */
  deleted: boolean;
  pending: boolean;
}) {
  const { t, format } = ctx;
  const anchor = commentAnchor(comment.id);
  return (
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
  );
}
