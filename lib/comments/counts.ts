import type { CommentStatus, Prisma } from "@/lib/db/client";

type Tx = Prisma.TransactionClient;

/**
 * Whether a comment takes a place in the public thread: approved, or a placeholder
 * ("[gelöscht]", "[entfernt]") because others' answers hang from it.
 */
export const takesPlace = (status: CommentStatus, replyCount: number) => status === "APPROVED" || replyCount > 0;

/**
 * Keeps the maintained counts right when a comment's status changes: the article counts
 * approved comments, the parent counts the replies that take a place in the thread.
 */
export async function shiftCounts(
  tx: Tx,
  comment: { articleId: string; parentId: string | null; replyCount: number },
  from: CommentStatus | null,
  to: CommentStatus | null,
) {
  const approved = (status: CommentStatus | null) => (status === "APPROVED" ? 1 : 0);
  const placed = (status: CommentStatus | null) => (status !== null && takesPlace(status, comment.replyCount) ? 1 : 0);
  const articleDelta = approved(to) - approved(from);
  const parentDelta = placed(to) - placed(from);
  if (articleDelta) await tx.article.update({ where: { id: comment.articleId }, data: { commentCount: { increment: articleDelta } } });
  if (parentDelta && comment.parentId)
    await tx.comment.update({ where: { id: comment.parentId }, data: { replyCount: { increment: parentDelta } } });
}
