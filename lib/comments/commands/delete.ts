import { db as appDb, type CommentStatus, type Db } from "@/lib/db/client";
import type { CommandResult } from "@/lib/result";

import { discussionChanged } from "../changed";
import { shiftCounts } from "../counts";
import { ownComment, type CommandContext, type OnArticle } from "./context";

export type DeleteOwnCommentOptions = CommandContext & { userId: string; commentId: string };

/**
 * Authors may delete their comment at any time. One that others answered stays as a
 * "[gelöscht]" placeholder, without name or words, so the answers keep their place;
 * any other is removed.
 */
export async function deleteOwnComment({ db = appDb(), userId, commentId }: DeleteOwnCommentOptions): Promise<CommandResult<OnArticle>> {
  const own = await ownComment(db, userId, commentId);
  if (!own.ok) return own;
  await removeByWriter(db, own.comment, { actorId: userId, action: "comment.delete_by_author" });
  return { ok: true, articleSlug: own.comment.article.slug };
}

/** A comment as its writer deletes it: where it hangs, and whether readers saw it. */
export interface WritersComment {
  id: string;
  articleId: string;
  parentId: string | null;
  replyCount: number;
  status: CommentStatus;
  article: { slug: string };
}

/**
 * The writer's deletion, whoever the writer is (an account, or a guest through the mailed link):
 * a placeholder without name or words when others answered it, else gone; the counts follow, the
 * log names who deleted it, and readers' copies and open pages hear of it.
 */
export async function removeByWriter(db: Db, comment: WritersComment, log: { actorId: string | null; action: string }): Promise<void> {
  await db.$transaction(async (tx) => {
    const answered = (await tx.comment.count({ where: { parentId: comment.id } })) > 0;
    if (answered) {
      await tx.comment.update({
        where: { id: comment.id },
        data: { status: "DELETED", body: "", authorId: null, guestId: null, guestName: null, featured: false, editedAt: null },
      });
      if (comment.status === "APPROVED")
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
    } else {
      await tx.comment.delete({ where: { id: comment.id } });
      await shiftCounts(tx, comment, comment.status, null);
    }
    await tx.moderationLogEntry.create({
      data: {
        actorId: log.actorId,
        action: log.action,
        targetType: "comment",
        targetId: comment.id,
        commentId: answered ? comment.id : null,
      },
    });
  });
  if (comment.status === "APPROVED") {
    await discussionChanged(db, { type: "update", articleId: comment.articleId, commentId: comment.id, articleSlug: comment.article.slug });
  }
}
