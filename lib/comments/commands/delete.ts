import { db as appDb } from "@/lib/db/client";
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
  const { comment } = own;
  await db.$transaction(async (tx) => {
    const answered = (await tx.comment.count({ where: { parentId: comment.id } })) > 0;
    if (answered) {
      await tx.comment.update({
        where: { id: comment.id },
        data: { status: "DELETED", body: "", authorId: null, featured: false, editedAt: null },
      });
      if (comment.status === "APPROVED")
        await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { decrement: 1 } } });
    } else {
      await tx.comment.delete({ where: { id: comment.id } });
      await shiftCounts(tx, comment, comment.status, null);
    }
    await tx.moderationLogEntry.create({
      data: {
        actorId: userId,
        action: "comment.delete_by_author",
        targetType: "comment",
        targetId: comment.id,
        commentId: answered ? comment.id : null,
      },
    });
  });
  if (comment.status === "APPROVED") {
    await discussionChanged(db, { type: "update", articleId: comment.articleId, commentId: comment.id, articleSlug: comment.article.slug });
  }
  return { ok: true, articleSlug: comment.article.slug };
}
