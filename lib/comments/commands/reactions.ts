import { db as appDb } from "@/lib/db/client";
import type { CommandResult } from "@/lib/result";

import { discussionChanged } from "../changed";
import { othersVisibleComment, type CommandContext, type OnArticle } from "./context";

export type ToggleReactionOptions = CommandContext & { userId: string; commentId: string };

/** Likes a comment, or takes the like back; one per reader and comment. */
export async function toggleReaction({
  db = appDb(),
  userId,
  commentId,
}: ToggleReactionOptions): Promise<CommandResult<{ liked: boolean; count: number } & OnArticle>> {
  const target = await othersVisibleComment(db, userId, commentId);
  if (!target.ok) return target;
  const result = await db.$transaction(async (tx) => {
    const removed = await tx.reaction.deleteMany({ where: { commentId, userId, kind: "like" } });
    if (removed.count === 0) await tx.reaction.createMany({ data: [{ commentId, userId, kind: "like" }], skipDuplicates: true });
    // Recounting this one comment's reactions keeps the stored count exact even under concurrent toggles.
    const count = await tx.reaction.count({ where: { commentId } });
    await tx.comment.update({ where: { id: commentId }, data: { reactionCount: count } });
    return { liked: removed.count === 0, count };
  });
  const articleSlug = target.comment.article.slug;
  await discussionChanged(db, { type: "update", articleId: target.comment.articleId, commentId, articleSlug });
  return { ok: true, ...result, articleSlug };
}
