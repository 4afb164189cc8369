import Link from "next/link";

import { COMMENT_PARAMS, commentAnchor } from "@/lib/comments/paths";
import type { DiscussionComment, DiscussionThread } from "@/lib/comments/queries";
import type { ThreadNode } from "@/lib/comments/thread";

import { authorName } from "./comment-author";
import { CommentBody } from "./CommentBody";
import { hrefWith, type ThreadContext } from "./thread-context";

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
